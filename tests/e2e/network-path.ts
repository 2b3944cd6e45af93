// One browser's network path, made of a local HTTP proxy that the browser must use for all of its
// traffic: pages, API calls, LiveKit's WebSocket (CONNECT tunnels) and, with UDP switched off
// for WebRTC, its media too (ICE over TCP through CONNECT tunnels). `drop()` stops every byte
// both ways, as a dead link does: nothing is closed or refused, connections just go quiet and
// new ones hang. `restore()` lets everything through again, as TCP would once the link is back.
import { createServer, request as httpRequest, type IncomingMessage, type Server } from "node:http";
import { connect, type AddressInfo, type Socket } from "node:net";

/** Chromium switches for a browser that sends everything through the proxy at `proxyUrl`. */
export function proxiedChromiumArgs(proxyUrl: string): string[] {
  return [
    `--proxy-server=${proxyUrl}`,
    // Chromium never proxies loopback addresses unless told to; ours are all on loopback.
    "--proxy-bypass-list=<-loopback>",
    // WebRTC may not send UDP around the proxy: media goes over TCP, through it.
    "--webrtc-ip-handling-policy=disable_non_proxied_udp",
  ];
}

/** Forwards data from one socket to the other, holding it while the path is down. */
class Link {
  private held: Buffer[] = [];
  constructor(
    private readonly from: Socket,
    private readonly to: Socket,
    private readonly path: NetworkPath,
  ) {
    from.on("data", (chunk: Buffer) => (path.isDown ? this.held.push(chunk) : to.write(chunk)));
    from.on("end", () => path.whenUp(() => to.end()));
    from.on("error", () => to.destroy());
  }
  flush() {
    for (const chunk of this.held.splice(0)) this.to.write(chunk);
  }
}

export class NetworkPath {
  isDown = false;
  private readonly links = new Set<Link>();
  private waiting: (() => void)[] = [];
  private constructor(private readonly server: Server) {}

  static async open(): Promise<NetworkPath> {
    const server = createServer();
    const path = new NetworkPath(server);
    server.on("connect", (request: IncomingMessage, client: Socket, head: Buffer) =>
      path.tunnel(request, client, head),
    );
    server.on("request", (request, response) => {
      path.whenUp(() => {
        const target = new URL(request.url ?? "/");
        const upstream = httpRequest(target, { method: request.method, headers: request.headers }, (answer) => {
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
        });
        upstream.on("error", () => response.destroy());
        request.pipe(upstream);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return path;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  drop(): void {
    this.isDown = true;
  }

  restore(): void {
    this.isDown = false;
    for (const link of this.links) link.flush();
    for (const action of this.waiting.splice(0)) action();
  }

  /** Runs `action` now, or once the path is back. */
  whenUp(action: () => void): void {
    if (this.isDown) this.waiting.push(action);
    else action();
  }

  private tunnel(request: IncomingMessage, client: Socket, head: Buffer): void {
    client.on("error", () => undefined);
    this.whenUp(() => {
      const [host, port] = (request.url ?? "").split(":");
      const upstream = connect(Number(port), host!, () => {
        client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
        if (head.length) upstream.write(head);
        const links = [new Link(client, upstream, this), new Link(upstream, client, this)];
        for (const link of links) this.links.add(link);
        const forget = () => links.forEach((link) => this.links.delete(link));
        client.on("close", forget);
        upstream.on("close", () => client.destroy());
        client.on("close", () => upstream.destroy());
      });
      upstream.on("error", () => client.destroy());
    });
  }

  async close(): Promise<void> {
    this.restore();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

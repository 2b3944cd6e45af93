import type { Metadata } from "next";
import { ConnectionCheckPanel } from "../_components/check/ConnectionCheckPanel";

export const metadata: Metadata = { title: "Connection check · Parley" };

export default function CheckPage() {
  return <ConnectionCheckPanel />;
}

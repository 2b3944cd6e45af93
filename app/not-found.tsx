import Link from "next/link";

export default function NotFound() {
  return (
    <div className="notice card">
      <h1>Nothing here</h1>
      <p className="muted">This link does not lead to a meeting. Check it with the person who sent it.</p>
      <Link href="/">Go home</Link>
    </div>
  );
}

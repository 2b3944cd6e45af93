import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "../_components/ClientMessages";
import { ConnectionCheckPanel } from "../_components/check/ConnectionCheckPanel";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("check"))("metaTitle") };
}

export default function CheckPage() {
  return (
    <ClientMessages namespaces={["check", "meeting"]}>
      <ConnectionCheckPanel />
    </ClientMessages>
  );
}

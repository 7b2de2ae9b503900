// Users add their own connector types by module augmentation; the handle is then typed like a published one.
import { describe, expectTypeOf, it } from "vitest";
import { createClient } from "../../src/index";

declare module "../../src/index" {
  interface ConnectorTypes {
    "acme-crm": {
      slug: "acme-crm";
      entities: {
        contacts: {
          /** Lists contacts. */
          list: {
            params: { limit?: number; page_token?: string };
            data: { id: string; email: string }[];
            meta: { next?: string };
            cursor: "page_token";
          };
        };
      };
      credentials: { api_key: string };
      replicationConfig: Record<string, never>;
    };
  }
}

describe("module augmentation", () => {
  it("types a private connector's handle", async () => {
    const crm = createClient({}).workspace("acme").connector("acme-crm");
    const { data } = await crm.contacts.list({ limit: 5 });
    expectTypeOf(data).toEqualTypeOf<{ id: string; email: string }[]>();
    // @ts-expect-error limit is a number
    void crm.contacts.list({ limit: "5" });
    // @ts-expect-error no such entity
    void crm.execute("deals", "list");
    for await (const contact of crm.contacts.paginate({ limit: 5 }, { cursorParam: "page_token" }))
      expectTypeOf(contact.email).toBeString();
  });
});

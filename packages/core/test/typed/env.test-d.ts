// `env` takes whatever object a runtime hands out: a Worker's bindings (an interface, so no index signature),
// Node's `process.env`, Deno's `Deno.env.toObject()`. A `Record<string, unknown>` parameter refused the first.
import { describe, expectTypeOf, it } from "vitest";
import { type ClientOptions, configure, connect, createClient } from "../../src/index";

/** What `wrangler types` writes: an interface with the bindings, some of them not strings. */
interface Env {
  AIRBYTE_CLIENT_ID: string;
  AIRBYTE_CLIENT_SECRET: string;
  TOKENS: { get(key: string): Promise<string | null> };
}

/** Deno's own declaration of `Deno.env.toObject()`, without pulling in Deno's lib. */
declare const Deno: { env: { toObject(): { [index: string]: string } } };

describe("the env option", () => {
  it("accepts a Workers Env interface", () => {
    const worker = { fetch: (_request: Request, env: Env) => createClient({ env }) };
    expectTypeOf(worker.fetch).returns.not.toBeAny();
    configure({ env: {} as Env });
    // Every API that takes client options: connect() (the Python SDK's) too.
    connect("stripe", { env: {} as Env });
  });

  it("accepts process.env and Deno.env.toObject()", () => {
    createClient({ env: process.env });
    createClient({ env: Deno.env.toObject() });
    createClient({ env: { AIRBYTE_CLIENT_ID: "id", AIRBYTE_CLIENT_SECRET: "secret" } as const });
  });

  it("still refuses what is not an object", () => {
    // @ts-expect-error a string is not an environment
    createClient({ env: "AIRBYTE_CLIENT_ID=id" });
    // @ts-expect-error nor a number
    createClient({ env: 1 });
    expectTypeOf<ClientOptions["env"]>().toEqualTypeOf<object | undefined>();
  });
});

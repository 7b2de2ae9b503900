// Modules of the reader's own app that samples import, declared as a typical app would have them. Only what the
// READMEs use; everything from the SDK comes from the built packages, never from here.

/** Next.js with Auth.js: `auth()` is the signed-in session (its `user` shaped by the app). */
declare module "@/auth" {
  export function auth(): Promise<{ user?: { orgId?: string } } | null>;
}

import type { EmulatorContext } from "../context.js";
import type { Organization } from "../store.js";

/**
 * The WorkOS organization id linked to an organization, from the options (preview): an application's organization
 * entry (`workosOrganizationId`) first, then `workosOrganizationIds` keyed by organization id or name. Read from the
 * options on every call, so the link survives a reset and applies to organizations created later by name.
 */
export function workosOrganizationIdOf(ctx: EmulatorContext, org: Organization): string | null {
  for (const app of ctx.options.applications) {
    for (const entry of app.organizations) {
      const id = entry.id ?? ctx.idFor(`org:${entry.name}`);
      if (id === org.id && entry.workosOrganizationId !== undefined) return entry.workosOrganizationId;
    }
  }
  const byKey = ctx.options.workosOrganizationIds;
  // Own keys only: an organization named "constructor" must not answer with Object's prototype.
  const key = [org.id, org.name].find((k) => Object.hasOwn(byKey, k));
  return key === undefined ? null : (byKey[key] as string);
}

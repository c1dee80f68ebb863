// The kinds of organisation since 1.1.2025 and what each does, named once for TypeScript and SQL.
// Both authority kinds make integration plans and refer clients to integration training: the
// employment authority (a municipality or an employment area, työllisyysalue) serves those who
// seek work, the municipality's integration services those outside the labour force.
import { OrganisationType, type Role } from "./enums";

/** The authorities whose officials refer clients (and receive advice points' hand-overs). */
export const AUTHORITY_TYPES = [OrganisationType.EMPLOYMENT_AUTHORITY, OrganisationType.INTEGRATION_SERVICES] as const;
export type AuthorityType = (typeof AUTHORITY_TYPES)[number];

export function refersClients(type: string): type is AuthorityType {
  return (AUTHORITY_TYPES as readonly string[]).includes(type);
}

/** The organisation kinds administrators keep (the service owner is the service itself). */
export const MANAGED_ORGANISATION_TYPES = [...AUTHORITY_TYPES, OrganisationType.TRAINING_PROVIDER, OrganisationType.ADVICE_POINT] as const;
export type ManagedOrganisationType = (typeof MANAGED_ORGANISATION_TYPES)[number];

/** The organisation kinds each staff role may belong to; administrators belong to none. */
export const ORGANISATION_TYPES_OF_ROLE: Readonly<Record<Role, readonly ManagedOrganisationType[]>> = {
  OFFICIAL: AUTHORITY_TYPES,
  PROVIDER_STAFF: [OrganisationType.TRAINING_PROVIDER],
  ADVISER: [OrganisationType.ADVICE_POINT],
  ADMIN: [],
};

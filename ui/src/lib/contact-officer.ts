// The contact officer's form fields, shared by the paper's Bibliography form
// and the default in Settings.

import type { ContactOfficer } from "./bindings/ContactOfficer";

export type OfficerField = Exclude<keyof ContactOfficer, "name">;

/** The optional fields after "Rank and name", with their labels. */
export const OFFICER_FIELDS: ReadonlyArray<[OfficerField, string]> = [
  ["role", "Role"],
  ["department", "Department"],
  ["organisation", "Organisation"],
  ["phone", "Telephone"],
  ["email", "E-mail"],
];

export function emptyOfficer(): ContactOfficer {
  return { name: "", role: null, department: null, organisation: null, phone: null, email: null };
}

// Why a figure in a result deserves less than full trust. Structured, so that each face words it in
// its own language; `code` is stable and part of the API.
export type Warning =
  | { readonly code: "unverified-parameter"; readonly parameter: string; readonly confidence: string; readonly value: string }
  | { readonly code: "unverified-reference"; readonly table: string; readonly row: string; readonly confidence: string; readonly note?: string }
  | { readonly code: "discretionary" }
  | { readonly code: "not-estimated"; readonly component: string; readonly missing: readonly string[] };

export function describeWarning(warning: Warning): string {
  switch (warning.code) {
    case "unverified-parameter":
      return `uses ${warning.parameter} = ${warning.value}, a ${warning.confidence} figure not confirmed in the statute`;
    case "unverified-reference":
      return `treats ${warning.table} '${warning.row}' on ${warning.confidence} grounds${warning.note ? `: ${warning.note}` : ""}`;
    case "discretionary":
      return "the amount is negotiated: anything from zero up to the ceiling shown";
    case "not-estimated":
      return `${warning.component} not estimated: give ${warning.missing.join(", ")}`;
  }
}

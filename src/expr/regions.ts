// Regions of the fact space a conjunction of constraints describes, fact by fact, and the questions
// decision-table checks ask of them: is it empty, do two meet, does one contain the other, what lies
// between tiers. Facts are taken as independent of one another.
import type { Bound, Constraint } from "./constraints.js";

type Range = { kind: "range"; lo?: Bound; hi?: Bound; integer: boolean };
type Codes = { kind: "codes"; values?: Set<string>; excluded: Set<string> };
type Flag = { kind: "flag"; value?: boolean; empty: boolean };
type Part = Range | Codes | Flag;

export type Region = ReadonlyMap<string, Part>;

/** A whole number's bound for an integer fact: "> 5" becomes "≥ 6", "≤ 5.5" becomes "≤ 5". */
function normal(bound: Bound | undefined, side: "lo" | "hi", integer: boolean): Bound | undefined {
  if (!bound || !integer) return bound;
  const v = bound.value;
  if (side === "lo") return { value: bound.inclusive && v.isInteger() ? v : v.floor().plus(1), inclusive: true };
  return { value: bound.inclusive && v.isInteger() ? v : v.ceil().minus(1), inclusive: true };
}

function tighterLo(a: Bound | undefined, b: Bound | undefined): Bound | undefined {
  if (!a || !b) return a ?? b;
  const c = a.value.cmp(b.value);
  return c > 0 ? a : c < 0 ? b : { value: a.value, inclusive: a.inclusive && b.inclusive };
}

function tighterHi(a: Bound | undefined, b: Bound | undefined): Bound | undefined {
  if (!a || !b) return a ?? b;
  const c = a.value.cmp(b.value);
  return c < 0 ? a : c > 0 ? b : { value: a.value, inclusive: a.inclusive && b.inclusive };
}

function meet(a: Part, b: Part): Part {
  if (a.kind === "range" && b.kind === "range") return { kind: "range", lo: tighterLo(a.lo, b.lo), hi: tighterHi(a.hi, b.hi), integer: a.integer };
  if (a.kind === "codes" && b.kind === "codes") {
    const values = a.values && b.values ? new Set([...a.values].filter((v) => b.values!.has(v))) : (a.values ?? b.values);
    return { kind: "codes", values: values && new Set(values), excluded: new Set([...a.excluded, ...b.excluded]) };
  }
  if (a.kind === "flag" && b.kind === "flag") {
    const clash = a.value !== undefined && b.value !== undefined && a.value !== b.value;
    return { kind: "flag", value: a.value ?? b.value, empty: a.empty || b.empty || clash };
  }
  return a;
}

function partOf(c: Constraint): Part {
  switch (c.kind) {
    case "range":
      return { kind: "range", lo: normal(c.lo, "lo", c.integer), hi: normal(c.hi, "hi", c.integer), integer: c.integer };
    case "in":
      return { kind: "codes", values: new Set(c.values), excluded: new Set() };
    case "not-in":
      return { kind: "codes", excluded: new Set(c.values) };
    case "is":
      return { kind: "flag", value: c.value, empty: false };
  }
}

export function regionOf(constraints: readonly Constraint[]): Region {
  const region = new Map<string, Part>();
  for (const c of constraints) {
    const part = partOf(c);
    const existing = region.get(c.fact);
    region.set(c.fact, existing ? meet(existing, part) : part);
  }
  return region;
}

function partEmpty(p: Part): boolean {
  if (p.kind === "flag") return p.empty;
  if (p.kind === "codes") return p.values !== undefined && [...p.values].every((v) => p.excluded.has(v));
  if (!p.lo || !p.hi) return false;
  const c = p.lo.value.cmp(p.hi.value);
  return c > 0 || (c === 0 && !(p.lo.inclusive && p.hi.inclusive));
}

export function isEmpty(region: Region): boolean {
  return [...region.values()].some(partEmpty);
}

export function intersect(a: Region, b: Region): Region {
  const out = new Map(a);
  for (const [fact, part] of b) {
    const existing = out.get(fact);
    out.set(fact, existing ? meet(existing, part) : part);
  }
  return out;
}

function partWithin(inner: Part, outer: Part): boolean {
  if (inner.kind === "flag" && outer.kind === "flag") return outer.value === undefined || inner.value === outer.value;
  if (inner.kind === "codes" && outer.kind === "codes") {
    if (outer.values) return inner.values !== undefined && [...inner.values].every((v) => outer.values!.has(v) && !outer.excluded.has(v));
    return [...outer.excluded].every((v) => inner.excluded.has(v) || (inner.values !== undefined && !inner.values.has(v)));
  }
  if (inner.kind === "range" && outer.kind === "range") {
    const loOk = !outer.lo || (inner.lo !== undefined && (inner.lo.value.cmp(outer.lo.value) > 0 || (inner.lo.value.eq(outer.lo.value) && (outer.lo.inclusive || !inner.lo.inclusive))));
    const hiOk = !outer.hi || (inner.hi !== undefined && (inner.hi.value.cmp(outer.hi.value) < 0 || (inner.hi.value.eq(outer.hi.value) && (outer.hi.inclusive || !inner.hi.inclusive))));
    return loOk && hiOk;
  }
  return false;
}

/** Every point of inner lies in outer. */
export function contains(outer: Region, inner: Region): boolean {
  for (const [fact, part] of outer) {
    const own = inner.get(fact);
    if (!own || !partWithin(own, part)) return false;
  }
  return true;
}

/** The range a region puts on one fact, if that is all it constrains. */
export function soleRange(region: Region): { fact: string; lo?: Bound; hi?: Bound; integer: boolean } | undefined {
  const entries = [...region];
  const [fact, part] = entries[0] ?? [];
  if (entries.length !== 1 || fact === undefined || part?.kind !== "range") return undefined;
  return { fact, lo: part.lo, hi: part.hi, integer: part.integer };
}

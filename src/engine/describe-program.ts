// A program laid open as plain data: what it is, its legal basis, its versions, its parameters with
// their dated values and sources, its conditions (labels and exact expressions) and benefit. Used
// by the API's /programs and by the audit pages, so neither re-reads a rule.
import type { LocalizedText } from "../rules/program-schema.js";
import type { Citation } from "./citation.js";
import { selectVersion } from "./evaluate-program.js";
import type { CompiledCondition, CompiledProgram, CompiledVersion } from "./program.js";
import { valueAt } from "./program-scope.js";

export interface ConditionDescription {
  readonly kind: "leaf" | "all" | "any" | "not";
  readonly label?: LocalizedText;
  readonly expression?: string;
  readonly citation?: Citation;
  readonly children?: readonly ConditionDescription[];
}

export function describeCondition(node: CompiledCondition): ConditionDescription {
  const citation = node.cite;
  if (node.kind === "leaf") return { kind: "leaf", label: node.label, expression: node.source, ...(citation ? { citation } : {}) };
  const children = node.kind === "not" ? [describeCondition(node.child)] : node.children.map(describeCondition);
  return { kind: node.kind, ...(node.label ? { label: node.label } : {}), ...(citation ? { citation } : {}), children };
}


function describeVersion(version: CompiledVersion) {
  const segment = version.segments[0];
  return {
    from: version.from,
    to: version.to,
    ...(version.gap ? { gap: version.gap } : {}),
    ...(version.ended ? { ended: version.ended } : {}),
    ...(version.note ? { note: version.note } : {}),
    citations: version.cites,
    ...(segment
      ? {
          benefit: segment.benefit.kind,
          conditions: describeCondition(segment.conditions),
          tables: segment.tables.map((t) => ({
            name: t.name,
            label: t.label,
            hit: t.hit,
            rows: t.rows.map((r) => ({ label: r.label, when: r.source, then: r.thenSource, ...(r.cite ? { citation: r.cite } : {}) })),
            otherwise: t.otherwiseSource,
          })),
        }
      : {}),
  };
}

export function describeProgram(program: CompiledProgram, asOf: string) {
  const selection = selectVersion(program, asOf);
  return {
    id: program.id,
    title: program.title,
    kind: program.kind,
    summary: program.summary,
    file: program.file,
    citations: program.citations,
    assumes: program.assumes,
    asOf,
    inForce: "version" in selection ? selection.version : null,
    ...("notInForce" in selection ? { notInForce: selection.notInForce } : {}),
    parameters: program.parameters.map((p) => {
      const current = valueAt(p, asOf);
      return {
        name: p.name,
        label: p.label,
        unit: p.unit,
        current: current ? current.shown : null,
        values: p.values.map((v) => ({
          from: v.from,
          value: v.shown,
          citation: v.cite,
          verified: v.verified,
          confidence: v.confidence,
          ...(v.note ? { note: v.note } : {}),
        })),
      };
    }),
    versions: program.versions.map(describeVersion),
  };
}


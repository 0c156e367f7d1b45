// A program as the engine holds it after loading: versions split into segments (spans in which no
// parameter changes), each with its conditions, decision tables and benefit compiled to closures.
import type { Reader, ComparisonParts, InParts } from "../expr/compile.js";
import type { Inline } from "../expr/inline.js";
import type { ValueType } from "../expr/types.js";
import type { ExchangeRate } from "../money/exchange-rate.js";
import type { z } from "zod";
import type { LocalizedText, ProgramKind as ProgramKindEnum } from "../rules/program-schema.js";
import type { Citation } from "./citation.js";
import type { NotInForce, Shown } from "./result.js";
import type { Facts } from "./facts.js";
import type { TableFindings } from "./table-checks.js";
import type { Warning } from "./warning.js";

export interface EvalContext {
  readonly facts: Facts;
  /** facts.asOf as a day number, for choosing versions. */
  readonly asOfDay: number;
  readonly rate: ExchangeRate;
  /** Whether the program with that index came out eligible in this estimate, so far. (A plain array:
   *  a typed array costs a backing store per estimate.) */
  readonly eligible: boolean[];
  /** The decision-table results of the program being evaluated, by table slot. */
  readonly tables: unknown[];
}

export type Read = Reader<EvalContext>;

export type ProgramKind = z.infer<typeof ProgramKindEnum>;

export interface ParameterValueInfo {
  readonly from: string;
  readonly value: unknown;
  readonly shown: string;
  readonly cite: Citation;
  readonly verified: string;
  readonly confidence: string;
  readonly note?: string;
  /** The same in Korean, for the Korean rule pages. */
  readonly noteKo?: string;
}

export interface ParameterInfo {
  readonly name: string;
  readonly label: LocalizedText;
  readonly unit: string;
  readonly type: ValueType;
  readonly values: readonly ParameterValueInfo[];
}

export type LeafTest =
  | ({ readonly form: "comparison"; readonly shownThreshold?: Shown } & ComparisonParts<EvalContext>)
  | ({ readonly form: "in"; readonly shownThreshold: Shown } & InParts<EvalContext>)
  | { readonly form: "plain"; readonly read: Read; readonly inline?: Inline };

/** What a node of a condition tree needs to say which of its leaves' warnings are owed
 *  (deciding-warnings.ts): whether any leaf under it owes one, and then, generated once, its test. */
interface Deciding {
  readonly owes?: boolean;
  readonly holds?: Read;
}

export type CompiledCondition = Deciding &
  (
  | {
      readonly kind: "leaf";
      /** None for the parts of a table row's expression, which the expression itself names. */
      readonly label?: LocalizedText;
      readonly cite?: Citation;
      readonly source: string;
      readonly test: LeafTest;
      /** Its unverified parameters: owed when the leaf decides its program's status (deciding-warnings.ts). */
      readonly warnings: readonly Warning[];
    }
  | {
      readonly kind: "all" | "any";
      readonly label?: LocalizedText;
      readonly cite?: Citation;
      readonly children: readonly CompiledCondition[];
    }
  | { readonly kind: "not"; readonly label?: LocalizedText; readonly cite?: Citation; readonly child: CompiledCondition }
  );

export interface CompiledTable {
  readonly name: string;
  readonly label: LocalizedText;
  readonly hit: "first" | "unique" | "collect-max" | "collect-min" | "collect-sum";
  readonly output: ValueType;
  readonly rows: readonly {
    readonly label: LocalizedText;
    readonly source: string;
    readonly when: Read;
    /** The same test as a condition tree, which explanations trace leaf by leaf. */
    readonly condition: CompiledCondition;
    /** The value as the rule file writes it ("75", "param.ceiling_rd_pct"), for the rule pages. */
    readonly thenSource: string;
    readonly then: Read;
    /** Owed when the row's value is used: its unverified parameters. */
    readonly warnings: readonly Warning[];
    readonly cite?: Citation;
  }[];
  readonly otherwise: Read;
  readonly otherwiseSource: string;
  readonly otherwiseWarnings: readonly Warning[];
  /** Whether any row's test reads an unverified parameter: owed by the rows whose test decided the
   *  value (the rows up to the first that matched, for a first-hit table; every row, otherwise), and
   *  by their leaves that decided it (deciding-warnings.ts). */
  readonly whenWarnings: boolean;
  /** Combines the matched rows' values under a collect-* policy. */
  readonly combine: (values: readonly unknown[]) => unknown;
  /** The order of its values (collect-max and -min name the rows that gave the value by it). */
  readonly compare: (a: unknown, b: unknown) => number;
  /** A first-hit table's value as one expression in line, when all its parts can be written so. */
  readonly inline?: Inline;
  /** The same as a generated function, when no row or otherwise owes a warning: then an estimate
   *  without explanations needs only the value, not which rows matched. */
  readonly value?: Read;
}

export interface CompiledComponent {
  readonly id: string;
  readonly label: LocalizedText;
  readonly cite?: Citation;
  readonly when?: Read;
  readonly amount: Read;
  readonly schedule?: readonly { readonly years: Read; readonly percent: Read }[];
  readonly cap?: Read;
  /** Optional facts the component reads: the ones missing say why it could not be estimated. */
  readonly optionalFacts: readonly { readonly field: string; readonly read: Read }[];
  /** Owed when the component applies: its unverified parameters. */
  readonly warnings: readonly Warning[];
}

export type CompiledBenefit =
  | { readonly kind: "non-monetary"; readonly grants: LocalizedText }
  | {
      readonly kind: "amount" | "schedule";
      readonly components: readonly CompiledComponent[];
      /** The figures are maxima an authority may grant less than: counted up to, not as certain. */
      readonly discretionary: boolean;
    }
  | {
      readonly kind: "range";
      readonly label: LocalizedText;
      readonly cite?: Citation;
      readonly ceiling: Read;
      readonly shares?: { readonly national: Read; readonly local: Read };
      /** Optional facts the ceiling reads: the ones missing say why it could not be estimated. */
      readonly optionalFacts: readonly { readonly field: string; readonly read: Read }[];
      /** Owed whenever the range is given: it is discretionary, and its unverified parameters. */
      readonly warnings: readonly Warning[];
    };

export interface Segment {
  readonly from: string;
  readonly to: string | null;
  readonly fromDay: number;
  readonly tables: readonly CompiledTable[];
  readonly conditions: CompiledCondition;
  /** The conditions as one short-circuiting generated function, for estimates without
   *  explanations, and as its source, for plans that run many programs in one function. */
  readonly passes: Read;
  readonly passesInline: Inline;
  /** Slots of the decision tables the conditions need, directly or through other tables: those a
   *  status alone must evaluate (the rest feed only the benefit). */
  readonly conditionSlots: readonly number[];
  /** The other slots, in order: tables worked out, and their rows' warnings owed, only for a program
   *  found eligible, since they say nothing about eligibility. */
  readonly benefitSlots: readonly number[];
  readonly benefit: CompiledBenefit;
  /** Warnings owed whenever the segment is evaluated: the version rests on a contested reading. */
  readonly versionWarnings: readonly Warning[];
  /** Whether any condition leaf reads an unverified parameter, owed only by the leaves that decide. */
  readonly leafWarnings: boolean;
  /** The dates of the version the segment belongs to. */
  readonly version: { readonly from: string; readonly to: string | null; readonly note?: LocalizedText };
  /** What the static checks found in its decision tables (for the audit). */
  readonly tableFindings: readonly TableFindings[];
  /** Reference tables the segment reads, whose row's confidence the result must report. */
  readonly readsTables: readonly ("sectors" | "technologies" | "regions")[];
}

export interface CompiledVersion {
  readonly from: string;
  readonly to: string | null;
  /** from and to as day numbers (dates.ts); no end is Infinity. */
  readonly fromDay: number;
  readonly toDay: number;
  readonly cites: readonly Citation[];
  readonly note?: LocalizedText;
  /** A declared gap: not in force between from and to, for this reason. */
  readonly gap?: LocalizedText;
  /** A period the program existed in but the rule files do not encode, and why. */
  readonly unmodelled?: LocalizedText;
  /** For a gap or an unmodelled period, the answer for any date in it. */
  readonly notInForce?: NotInForce;
  readonly ended?: LocalizedText;
  readonly segments: readonly Segment[];
}

export interface CompiledProgram {
  readonly index: number;
  readonly id: string;
  readonly file: string;
  readonly title: LocalizedText;
  readonly kind: ProgramKind;
  readonly summary: LocalizedText;
  readonly citations: readonly Citation[];
  /** What a result takes for granted because the profile cannot say: shown, never tested. */
  readonly assumes: readonly LocalizedText[];
  readonly parameters: readonly ParameterInfo[];
  readonly versions: readonly CompiledVersion[];
  /** Indexes of the programs whose eligibility this one reads. */
  readonly dependsOn: readonly number[];
  /** The answers before the first version and after the last (undefined while it runs on); made
   *  once, like every not-in-force answer, so that results share them. */
  readonly notYet: NotInForce;
  readonly ended: NotInForce | undefined;
}

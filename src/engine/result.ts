// What an estimate says about each program. Values stay typed (Money, Decimal) with their types, so
// that each face formats them for its readers; result-json.ts gives the API's plain form.
import type { Decimal } from "decimal.js";
import type { ValueType } from "../expr/types.js";
import type { ExchangeRate } from "../money/exchange-rate.js";
import type { Money } from "../money/money.js";
import type { z } from "zod";
import type { LocalizedText, Status as StatusEnum } from "../rules/program-schema.js";
import type { Profile } from "../profile/schema.js";
import type { Citation } from "./citation.js";
import type { CompiledCondition, CompiledProgram, CompiledTable } from "./program.js";
import type { Warning } from "./warning.js";

export type Status = z.infer<typeof StatusEnum>;

/** A value shown in an explanation, with its type; null when the profile did not give it. */
export interface Shown {
  readonly type: ValueType;
  readonly value: unknown;
}

export interface ConditionTrace {
  /** The compiled condition traced: what in it never changes is written once (result-json.ts). */
  readonly node: CompiledCondition;
  readonly kind: "leaf" | "all" | "any" | "not";
  readonly label?: LocalizedText;
  readonly cite?: Citation;
  readonly passed: boolean;
  /** Leaves: the expression as written in the rule file. */
  readonly source?: string;
  readonly op?: string;
  readonly actual?: Shown;
  readonly threshold?: Shown;
  readonly children?: readonly ConditionTrace[];
}

export interface TableTrace {
  readonly name: string;
  readonly label: LocalizedText;
  /** The rows that matched: the rule set's own rows, of which an answer shows the label and source. */
  readonly matched: readonly { readonly label: LocalizedText; readonly source: string }[];
  /** Whether each row's condition holds, matched or not: what an auditor checks coverage by. */
  readonly rowsHold: readonly boolean[];
  /** The table's rows, the rule set's own, in the order of rowsHold: a reader checks each by hand. */
  readonly rows: readonly { readonly label: LocalizedText; readonly source: string }[];
  /** Each row's condition traced, in the same order: the profile's values beside its thresholds. */
  readonly rowTraces: readonly ConditionTrace[];
  /** What each row gives, in the same order, and the value when no row holds: with the hit policy,
   *  what a reader needs to work the table's value out by hand. */
  readonly rowValues: readonly Shown[];
  readonly otherwise: Shown;
  readonly hit: CompiledTable["hit"];
  readonly value: Shown;
}

/** An amount in both currencies, each rounded to its minor unit. */
export interface MoneyPair {
  readonly krw: Money;
  readonly usd: Money;
  /** The same as minor units (whole won, cents). */
  readonly krwMinor: bigint;
  readonly usdMinor: bigint;
}

export interface YearAmount {
  readonly year: number;
  readonly percent: Decimal;
  readonly amount: MoneyPair;
}

export interface ComponentResult {
  readonly id: string;
  readonly label: LocalizedText;
  readonly cite?: Citation;
  readonly applies: boolean;
  /** Null when an input it needs was not given; see missing. */
  readonly amount: MoneyPair | null;
  readonly missing: readonly string[];
  readonly years?: readonly YearAmount[];
  /** The cap, when it cut the amount down. */
  readonly cappedAt?: MoneyPair;
}

export type BenefitResult =
  | { readonly kind: "non-monetary"; readonly grants: LocalizedText }
  | {
      readonly kind: "amount" | "schedule";
      readonly components: readonly ComponentResult[];
      readonly total: MoneyPair;
      /** The total is a maximum an authority may grant less than: it counts up to, not as certain. */
      readonly discretionary: boolean;
    }
  | {
      readonly kind: "range";
      readonly label: LocalizedText;
      readonly cite?: Citation;
      readonly min: MoneyPair;
      /** Null when an input the ceiling needs was not given; see missing. */
      readonly ceiling: MoneyPair | null;
      readonly missing: readonly string[];
      readonly shares?: {
        readonly national: { readonly percent: Decimal; readonly amount: MoneyPair };
        readonly local: { readonly percent: Decimal; readonly amount: MoneyPair };
      };
    };

export type NotInForce =
  | { readonly reason: "not-yet"; readonly startsOn: string }
  | { readonly reason: "ended"; readonly endedOn: string; readonly why?: LocalizedText }
  | { readonly reason: "gap"; readonly from: string; readonly to: string; readonly why: LocalizedText }
  /** The program existed, but the rule files do not encode this period: no answer, rather than a wrong one. */
  | { readonly reason: "not-modelled"; readonly from: string; readonly to: string; readonly why: LocalizedText };

export interface ProgramResult {
  readonly program: CompiledProgram;
  readonly status: Status;
  readonly version?: { readonly from: string; readonly to: string | null; readonly note?: LocalizedText };
  readonly notInForce?: NotInForce;
  /** Absent when the estimate was asked for without explanations. */
  readonly conditions?: ConditionTrace;
  readonly tables?: readonly TableTrace[];
  readonly benefit?: BenefitResult;
  readonly warnings: readonly Warning[];
}

export interface Receipt {
  readonly rulesetHash: string;
  readonly engineVersion: string;
  readonly asOf: string;
  readonly exchangeRate: ExchangeRate;
}

export interface Estimate {
  readonly asOf: string;
  readonly profile: Profile;
  readonly exchangeRate: ExchangeRate;
  /** About the estimate as a whole: an exchange rate the profile gave whose date does not fit. */
  readonly warnings: readonly Warning[];
  readonly programs: readonly ProgramResult[];
  readonly totals: { readonly certain: MoneyPair; readonly upTo: MoneyPair };
  readonly receipt: Receipt;
}

// The eligibility rules in force on 2026-11-24 as a ZEN decision (@gorules/zen-engine 0.52.1): a
// benchmark peer. The JDM graph is built here, in code:
//
//   input → foreign-investment (decision table) → fiz-individual (decision table)
//         → not in force (expression) → state-land tier (decision table) → programs (expression)
//         → statuses (expression) → output
//
// Each node passes its input through and adds its own fields, so later nodes read the programs
// before them: that is how eligible('…') is honoured. Facts are the plain numbers of common.ts
// (money in minor units, percentages × 10,000, computed exactly).
import { ZenEngine, type ZenDecision } from "@gorules/zen-engine";
import type { Profile } from "../../src/profile/schema.js";
import { assertModelledDate, plainFacts, PROGRAM_IDS, type Statuses } from "./common.js";

// Thresholds: the parameter values of rules/kr/*.yaml in force on 2026-11-24, in the facts' units
// (won, cents, percent × 10,000). See handwritten.ts for the parameter each one is.
const FI_MIN_AMOUNT_KRW = 100_000_000;
const FI_MIN_SHARE_E4 = 100_000;
const FI_MIN_LOAN_YEARS = 5;
const FI_NONPROFIT_MIN_KRW = 50_000_000;
const FI_NONPROFIT_MIN_RESEARCHERS = 5;
const FIZ_MANUFACTURING_MIN_CENTS = 3_000_000_000;
const FIZ_TOURISM_MIN_CENTS = 2_000_000_000;
const FIZ_LOGISTICS_MIN_CENTS = 1_000_000_000;
const FIZ_RESEARCH_MIN_CENTS = 200_000_000;
const FIZ_RESEARCH_MIN_RESEARCHERS = 10;
const MIN_30_PCT_E4 = 300_000; // cash-grant, seoul-*, service-fiz-rent-support, state-land, fiz research
const CG_RD_MIN_RESEARCHERS = 5;
const CG_HQ_MIN_PARENT_E4 = 500_000; // cash-grant hq_min_parent_pct
const CAP_HIGH_TECH_MIN_CENTS = 200_000_000;
const SEOUL_MIN_NEW_HIRES = 5;
const SFR_MIN_RESEARCHERS = 5;
const SFR_MIN_SERVICE_STAFF = 15;
const SLR_MANUFACTURING_MIN_CENTS = 500_000_000;
const SLR_TIER_MIN_CENTS = 250_000_000;

type Cells = Record<string, string>;

interface TableSpec {
  readonly id: string;
  readonly inputs: readonly string[];
  readonly output: string;
  /** Rows in order, first hit: input cells (unary tests on the column's field; empty matches all). */
  readonly rows: readonly (readonly [Cells, string])[];
}

function tableNode({ id, inputs, output, rows }: TableSpec) {
  return {
    id,
    name: id,
    type: "decisionTableNode",
    position: { x: 0, y: 0 },
    content: {
      hitPolicy: "first",
      passThrough: true,
      inputField: null,
      outputPath: null,
      executionMode: "single",
      inputs: inputs.map((field) => ({ id: `${id}:${field}`, name: field, field })),
      outputs: [{ id: `${id}:out`, name: output, field: output }],
      rules: rows.map(([cells, value], i) => {
        const rule: Record<string, string> = { _id: `${id}:r${i}` };
        for (const field of inputs) rule[`${id}:${field}`] = cells[field] ?? "";
        rule[`${id}:out`] = value;
        return rule;
      }),
    },
  };
}

function expressionNode(id: string, expressions: readonly (readonly [string, string])[], passThrough: boolean) {
  return {
    id,
    name: id,
    type: "expressionNode",
    position: { x: 0, y: 0 },
    content: {
      passThrough,
      inputField: null,
      outputPath: null,
      executionMode: "single",
      expressions: expressions.map(([key, value], i) => ({ id: `${id}:e${i}`, key, value })),
    },
  };
}

const SHARES = "'new-shares', 'existing-shares'";
const IN_FIZ = "'fiz-complex', 'fiz-service'";
/** A site an individual-type FIZ can be designated for: in no other zone, or in an industrial complex. */
const OWN_FIZ_SITE = "'none', 'industrial-complex'";

const foreignInvestment = tableNode({
  id: "foreign-investment",
  inputs: ["route", "amountKrw", "ownershipE4", "officerDispatched", "loanTermYears", "researchers", "sector"],
  output: "eligibleForeignInvestment",
  rows: [
    [{ route: SHARES, amountKrw: `>= ${FI_MIN_AMOUNT_KRW}`, ownershipE4: `>= ${FI_MIN_SHARE_E4}` }, "true"],
    [{ route: SHARES, amountKrw: `>= ${FI_MIN_AMOUNT_KRW}`, officerDispatched: "true" }, "true"],
    [{ route: "'long-term-loan'", loanTermYears: `>= ${FI_MIN_LOAN_YEARS}` }, "true"],
    [{ route: "'nonprofit-contribution'", amountKrw: `>= ${FI_NONPROFIT_MIN_KRW}`, ownershipE4: `>= ${FI_MIN_SHARE_E4}`, researchers: `>= ${FI_NONPROFIT_MIN_RESEARCHERS}` }, "true"],
    [{ route: "'nonprofit-contribution'", amountKrw: `>= ${FI_NONPROFIT_MIN_KRW}`, ownershipE4: `>= ${FI_MIN_SHARE_E4}`, sector: "'research-development'" }, "true"],
    [{ route: "'reinvested-earnings'", ownershipE4: "> 0" }, "true"],
    [{}, "false"],
  ],
});

const fizIndividual = tableNode({
  id: "fiz-individual",
  inputs: ["eligibleForeignInvestment", "fizClass", "newGrowthEngine", "amountUsdCents", "researchers", "ownershipE4", "sector"],
  output: "eligibleFizIndividual",
  rows: [
    [{ eligibleForeignInvestment: "true", fizClass: "'manufacturing-ict'", amountUsdCents: `>= ${FIZ_MANUFACTURING_MIN_CENTS}` }, "true"],
    [{ eligibleForeignInvestment: "true", newGrowthEngine: "true", amountUsdCents: `>= ${FIZ_MANUFACTURING_MIN_CENTS}` }, "true"],
    [{ eligibleForeignInvestment: "true", fizClass: "'tourism-leisure'", amountUsdCents: `>= ${FIZ_TOURISM_MIN_CENTS}` }, "true"],
    [{ eligibleForeignInvestment: "true", fizClass: "'logistics-infrastructure'", amountUsdCents: `>= ${FIZ_LOGISTICS_MIN_CENTS}` }, "true"],
    [{
      eligibleForeignInvestment: "true", sector: "'research-development'", newGrowthEngine: "true", amountUsdCents: `>= ${FIZ_RESEARCH_MIN_CENTS}`,
      researchers: `>= ${FIZ_RESEARCH_MIN_RESEARCHERS}`, ownershipE4: `>= ${MIN_30_PCT_E4}`,
    }, "true"],
    [{}, "false"],
  ],
});

/** Programs whose every version ended before 2026: never eligible on a modelled date. */
const notInForce = expressionNode("not-in-force", [
  ["eligibleCorporateTaxReduction", "false"],
  ["eligibleLocalTaxReduction", "false"],
], true);

// state-land-rent-reduction's reduction table (first hit). A row whose condition is an "or" across
// two columns is written as two adjacent rows with the same value.
const tierCells = (workers: number) => ({ amountUsdCents: `>= ${SLR_TIER_MIN_CENTS}`, newRegularEmployees: `>= ${workers}` });
const stateLandTier = tableNode({
  id: "state-land-tier",
  inputs: ["eligibleFizIndividual", "zone", "newGrowthEngine", "fizClass", "sector", "amountUsdCents", "newRegularEmployees"],
  output: "stateLandReduction",
  rows: [
    [{ eligibleFizIndividual: "true", zone: OWN_FIZ_SITE }, "100"],
    [{ zone: IN_FIZ, ...tierCells(200), fizClass: "$ != 'none'" }, "100"],
    [{ zone: IN_FIZ, ...tierCells(200), newGrowthEngine: "true" }, "100"],
    [{ zone: IN_FIZ, ...tierCells(150), fizClass: "$ != 'none'" }, "90"],
    [{ zone: IN_FIZ, ...tierCells(150), newGrowthEngine: "true" }, "90"],
    [{ zone: IN_FIZ, sector: "'manufacturing'", amountUsdCents: `>= ${SLR_MANUFACTURING_MIN_CENTS}` }, "75"],
    [{ zone: IN_FIZ, ...tierCells(70), fizClass: "$ != 'none'" }, "75"],
    [{ zone: IN_FIZ, ...tierCells(70), newGrowthEngine: "true" }, "75"],
    [{ zone: "'fiz-service'" }, "50"],
    [{ zone: "'industrial-complex'", sector: "'manufacturing'", amountUsdCents: `>= ${SLR_MANUFACTURING_MIN_CENTS}` }, "50"],
    [{ zone: "'industrial-complex'", ...tierCells(70), fizClass: "$ != 'none'" }, "50"],
    [{ zone: "'industrial-complex'", ...tierCells(70), newGrowthEngine: "true" }, "50"],
    [{}, "0"],
  ],
});

const HIGH_TECH = "(newGrowthEngine or highTechIda or materialsPartsEquipment)";
// Route 5 (R&D) admits materials and parts, not equipment only.
const RESEARCH_STAFF = `(researchers >= ${CG_RD_MIN_RESEARCHERS} and (newGrowthEngine or highTechIda or materialsOrParts))`;
const RESEARCH = `(sector == 'research-development' and ${RESEARCH_STAFF})`;
const FI = "eligibleForeignInvestment";
const FIZ = "eligibleFizIndividual";

const programs = expressionNode("programs", [
  ["cashGrant", `${FI} and ownershipE4 >= ${MIN_30_PCT_E4}
    and (route == 'new-shares' or (route == 'nonprofit-contribution' and ${RESEARCH_STAFF}))
    and (${HIGH_TECH} or newRegularEmployees > cashGrantJobs or ${RESEARCH} or (regionalHeadquarters and ownershipE4 >= ${CG_HQ_MIN_PARENT_E4}))`],
  ["capitalGoods", `${FI} and route == 'new-shares'
    and ((newGrowthEngine and amountUsdCents >= ${CAP_HIGH_TECH_MIN_CENTS}) or (${FIZ} and zone in [${OWN_FIZ_SITE}] and fizTaxBusiness)
         or zone in ['fiz-complex', 'free-economic-zone', 'free-trade-zone'])
    and (eligibleCorporateTaxReduction or eligibleLocalTaxReduction)`],
  ["seoulEmployment", `${FI} and region == 'seoul' and ownershipE4 >= ${MIN_30_PCT_E4} and newRegularEmployees > ${SEOUL_MIN_NEW_HIRES}`],
  ["seoulTraining", `${FI} and region == 'seoul' and ownershipE4 >= ${MIN_30_PCT_E4} and newRegularEmployees > ${SEOUL_MIN_NEW_HIRES}`],
  ["serviceFizRent", `${FI} and zone == 'fiz-service' and ownershipE4 >= ${MIN_30_PCT_E4}
    and ((sector == 'research-development' and researchers >= ${SFR_MIN_RESEARCHERS})
         or ((sector == 'finance-insurance' or knowledgeService or culturalIndustry or sector == 'tourism')
             and newRegularEmployees >= ${SFR_MIN_SERVICE_STAFF})
         or regionalHeadquarters)`],
  ["stateLand", `${FI} and route != 'nonprofit-contribution'
    and (ownershipE4 >= ${MIN_30_PCT_E4} or newRegularEmployees > cashGrantJobs or ${FIZ})
    and ((${FIZ} and zone == 'none') or zone in ['fiz-complex', 'fiz-service', 'industrial-complex'])
    and stateLandReduction > 0`],
], true);

const status = (flag: string) => `${flag} ? 'eligible' : 'ineligible'`;
const statuses = expressionNode("statuses", [
  ["foreign-investment", status(FI)],
  ["fiz-individual", status(FIZ)],
  ["cash-grant", status("cashGrant")],
  ["corporate-tax-reduction", "'not-in-force'"],
  ["local-tax-reduction", "'not-in-force'"],
  ["capital-goods-tax-exemption", status("capitalGoods")],
  ["seoul-employment-subsidy", status("seoulEmployment")],
  ["seoul-training-subsidy", status("seoulTraining")],
  ["service-fiz-rent-support", status("serviceFizRent")],
  ["state-land-rent-reduction", status("stateLand")],
], false);

/** The JDM graph: a chain from the input node through each node above to the output node. */
export function eligibilityJdm(): object {
  const chain = [foreignInvestment, fizIndividual, notInForce, stateLandTier, programs, statuses];
  const nodes = [
    { id: "input", name: "input", type: "inputNode", position: { x: 0, y: 0 }, content: {} },
    ...chain,
    { id: "output", name: "output", type: "outputNode", position: { x: 0, y: 0 }, content: {} },
  ];
  const edges = nodes.slice(1).map((node, i) => ({ id: `edge${i}`, sourceId: nodes[i]!.id, targetId: node.id, type: "edge" }));
  return { contentType: "application/vnd.gorules.decision", nodes, edges };
}

/** A runner: every program's status for a validated profile, as of its asOf (2026-11-24 by default). */
export function makeZenRunner(): (profile: Profile) => Promise<Statuses> {
  const engine = new ZenEngine();
  const decision: ZenDecision = engine.createDecision(eligibilityJdm());
  return async (profile) => {
    const asOf = profile.asOf ?? "2026-11-24";
    assertModelledDate(asOf);
    const { result } = await decision.evaluate(plainFacts(profile, asOf));
    const statuses = {} as Statuses;
    for (const id of PROGRAM_IDS) statuses[id] = (result as Record<string, Statuses[typeof id]>)[id]!;
    return statuses;
  };
}

// The eligibility rules in force on 2026-11-24 as json-rules-engine 7.3.1 rules: a benchmark peer.
// Facts are the plain numbers of common.ts (money in minor units, percentages × 10,000, computed
// exactly). Dependencies between programs follow json-rules-engine's priorities: a higher priority
// runs first, and a rule that succeeds records eligible_<program> as a fact for the rules after it.
// Programs not in force on the date have no rule; their eligible_ facts stay false.
import { Engine, type RuleProperties, type TopLevelCondition } from "json-rules-engine";
import type { Profile } from "../../src/profile/schema.js";
import { assertModelledDate, NOT_IN_FORCE, plainFacts, PROGRAM_IDS, type ProgramId, type Statuses } from "./common.js";

interface Leaf { fact: string; operator: string; value: unknown }
type Condition = Leaf | TopLevelCondition;
const is = (fact: string, value: unknown): Condition => ({ fact, operator: "equal", value });
const atLeast = (fact: string, value: number): Condition => ({ fact, operator: "greaterThanInclusive", value });
const more = (fact: string, value: number | { fact: string }): Condition => ({ fact, operator: "greaterThan", value });
const oneOf = (fact: string, value: readonly string[]): Condition => ({ fact, operator: "in", value: [...value] });
/** A site an individual-type FIZ can be designated for: in no other zone, or in an industrial complex. */
const OWN_FIZ_SITE = oneOf("zone", ["none", "industrial-complex"]);
const all = (...conditions: Condition[]): TopLevelCondition => ({ all: conditions });
const any = (...conditions: Condition[]): TopLevelCondition => ({ any: conditions });
const eligible = (program: ProgramId): Condition => is(`eligible_${program}`, true);

// Thresholds: the parameter values of rules/kr/*.yaml in force on 2026-11-24, in the facts' units
// (won, cents, percent × 10,000). See handwritten.ts for the parameter each one is.
const PCT = 10_000;
const USD = 100;

const foreignInvestment = any(
  all(oneOf("route", ["new-shares", "existing-shares"]), atLeast("amountKrw", 100_000_000),
    any(atLeast("ownershipE4", 10 * PCT), is("officerDispatched", true))),
  all(is("route", "long-term-loan"), atLeast("loanTermYears", 5)),
  all(is("route", "nonprofit-contribution"), atLeast("amountKrw", 50_000_000), atLeast("ownershipE4", 10 * PCT),
    any(atLeast("researchers", 5), is("sector", "research-development"))),
  all(is("route", "reinvested-earnings"), { fact: "ownershipE4", operator: "greaterThan", value: 0 }),
);

const fizIndividual = all(
  eligible("foreign-investment"),
  any(
    all(any(is("fizClass", "manufacturing-ict"), is("newGrowthEngine", true)), atLeast("amountUsdCents", 30_000_000 * USD)),
    all(is("fizClass", "tourism-leisure"), atLeast("amountUsdCents", 20_000_000 * USD)),
    all(is("fizClass", "logistics-infrastructure"), atLeast("amountUsdCents", 10_000_000 * USD)),
    all(is("sector", "research-development"), is("newGrowthEngine", true), atLeast("amountUsdCents", 2_000_000 * USD), atLeast("researchers", 10), atLeast("ownershipE4", 30 * PCT)),
  ),
);

const highTechRoute = any(is("newGrowthEngine", true), is("highTechIda", true), is("materialsPartsEquipment", true));
// Route 5 (R&D) admits materials and parts, not equipment only.
const researchStaff = all(atLeast("researchers", 5), any(is("newGrowthEngine", true), is("highTechIda", true), is("materialsOrParts", true)));
const researchRoute = all(is("sector", "research-development"), researchStaff);

const cashGrant = all(
  eligible("foreign-investment"),
  atLeast("ownershipE4", 30 * PCT),
  any(is("route", "new-shares"), all(is("route", "nonprofit-contribution"), researchStaff)),
  any(
    highTechRoute,
    more("newRegularEmployees", { fact: "cashGrantJobs" }), researchRoute, all(is("regionalHeadquarters", true), atLeast("ownershipE4", 50 * PCT)),
  ),
);

const capitalGoods = all(
  eligible("foreign-investment"),
  is("route", "new-shares"),
  any(
    all(is("newGrowthEngine", true), atLeast("amountUsdCents", 2_000_000 * USD)),
    all(eligible("fiz-individual"), OWN_FIZ_SITE, is("fizTaxBusiness", true)),
    oneOf("zone", ["fiz-complex", "free-economic-zone", "free-trade-zone"]),
  ),
  any(eligible("corporate-tax-reduction"), eligible("local-tax-reduction")),
);

const seoul = (minHires: number, minRatioE4: number) => all(
  eligible("foreign-investment"), is("region", "seoul"), atLeast("ownershipE4", minRatioE4), more("newRegularEmployees", minHires),
);

const serviceFizRent = all(
  eligible("foreign-investment"),
  is("zone", "fiz-service"),
  atLeast("ownershipE4", 30 * PCT),
  any(
    all(is("sector", "research-development"), atLeast("researchers", 5)),
    all(
      any(is("sector", "finance-insurance"), is("knowledgeService", true), is("culturalIndustry", true), is("sector", "tourism")),
      atLeast("newRegularEmployees", 15),
    ),
    is("regionalHeadquarters", true),
  ),
);

const inFiz = oneOf("zone", ["fiz-complex", "fiz-service"]);
const tierBusiness = any({ fact: "fizClass", operator: "notEqual", value: "none" }, is("newGrowthEngine", true));
const tier = (workers: number) => all(atLeast("amountUsdCents", 2_500_000 * USD), atLeast("newRegularEmployees", workers), tierBusiness);
const manufacturer = all(is("sector", "manufacturing"), atLeast("amountUsdCents", 5_000_000 * USD));
/** The 100% tier is for land in a zone designated for the investment. */
const ownFiz = all(eligible("fiz-individual"), OWN_FIZ_SITE);
/** From 2026-01-01 no RSTA 121-2(1)1 tax-reduction decision can be had: no tier or exception rests on one. */
const stateLand = all(
  eligible("foreign-investment"),
  { fact: "route", operator: "notEqual", value: "nonprofit-contribution" },
  any(atLeast("ownershipE4", 30 * PCT), more("newRegularEmployees", { fact: "cashGrantJobs" }), eligible("fiz-individual")),
  any(ownFiz, oneOf("zone", ["fiz-complex", "fiz-service", "industrial-complex"])),
  // table.reduction > 0: some row of the first-hit table matches (every row gives more than 0).
  any(
    ownFiz,
    all(inFiz, tier(200)),
    all(inFiz, tier(150)),
    all(inFiz, manufacturer),
    all(inFiz, tier(70)),
    is("zone", "fiz-service"),
    all(is("zone", "industrial-complex"), any(manufacturer, tier(70))),
  ),
);

/** Each rule in force, with its priority: a program runs after every program it reads. */
const RULES: readonly [ProgramId, number, TopLevelCondition][] = [
  ["foreign-investment", 100, foreignInvestment],
  ["fiz-individual", 90, fizIndividual],
  ["cash-grant", 80, cashGrant],
  ["seoul-employment-subsidy", 80, seoul(5, 30 * PCT)],
  ["seoul-training-subsidy", 80, seoul(5, 30 * PCT)],
  ["service-fiz-rent-support", 80, serviceFizRent],
  ["state-land-rent-reduction", 80, stateLand],
  ["capital-goods-tax-exemption", 70, capitalGoods],
];

/** A runner: every program's status for a validated profile, as of its asOf (2026-11-24 by default). */
export function makeJreRunner(): (profile: Profile) => Promise<Statuses> {
  const engine = new Engine([], { allowUndefinedFacts: false });
  for (const [id, priority, conditions] of RULES) {
    const rule: RuleProperties = {
      name: id,
      priority,
      conditions,
      event: { type: id },
      onSuccess: (_event, almanac) => {
        almanac.addFact(`eligible_${id}`, true);
      },
    };
    engine.addRule(rule);
  }
  return async (profile) => {
    const asOf = profile.asOf ?? "2026-11-24";
    assertModelledDate(asOf);
    const facts: Record<string, unknown> = { ...plainFacts(profile, asOf) };
    for (const id of PROGRAM_IDS) facts[`eligible_${id}`] = false;
    const { events } = await engine.run(facts);
    const statuses = {} as Statuses;
    for (const id of PROGRAM_IDS) statuses[id] = "ineligible";
    for (const id of NOT_IN_FORCE) statuses[id] = "not-in-force";
    for (const event of events) statuses[event.type as ProgramId] = "eligible";
    return statuses;
  };
}

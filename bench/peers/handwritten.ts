// The eligibility rules in force on 2026-11-24, by hand, in plain TypeScript: the baseline the engine
// is measured against. Money is exact (bigint whole won and US cents, converted at the profile's rate
// with one half-even rounding, as src/money/exchange-rate.ts does); percentages are exact integers
// of 1/10,000 of a percent. Programs are evaluated in dependency order and eligible('…') reads the
// results so far, as the engine does; a program not in force is never eligible. The decision tables
// that only benefits read (cash-grant's ceiling) are worked out for eligible programs only, and
// handed with the statuses (and the profile's technology row) to handwritten-figures.ts and
// handwritten-results.ts.
import type { Profile } from "../../src/profile/schema.js";
import {
  amountBoth, assertModelledDate, percentE4, sectorRow, technologyRow, type ScaledRate, type Statuses, type TechnologyRow,
} from "./common.js";

// --- Thresholds: the parameter values in force on 2026-11-24 ---------------------------------------

// rules/kr/foreign-investment.yaml
const FI_MIN_AMOUNT_KRW = 100_000_000n; //     min_amount_krw (from 2010-10-06)
const FI_MIN_SHARE_E4 = 10 * 10_000; //        min_share_pct "10"
const FI_MIN_LOAN_YEARS = 5; //                min_loan_years 5
const FI_NONPROFIT_MIN_KRW = 50_000_000n; //   nonprofit_min_krw
const FI_NONPROFIT_MIN_SHARE_E4 = 10 * 10_000; // nonprofit_min_share_pct "10"
const FI_NONPROFIT_MIN_RESEARCHERS = 5; //      nonprofit_min_researchers

// rules/kr/fiz-individual.yaml (in cents)
const FIZ_MANUFACTURING_MIN_CENTS = 30_000_000_00n; // manufacturing_min_usd
const FIZ_TOURISM_MIN_CENTS = 20_000_000_00n; //       tourism_min_usd
const FIZ_LOGISTICS_MIN_CENTS = 10_000_000_00n; //     logistics_min_usd
const FIZ_RESEARCH_MIN_CENTS = 2_000_000_00n; //       research_min_usd
const FIZ_RESEARCH_MIN_RESEARCHERS = 10; //            research_min_researchers
const FIZ_RESEARCH_MIN_OWNERSHIP_E4 = 30 * 10_000; //  research_min_ownership_pct "30"

// rules/kr/cash-grant.yaml
const CG_MIN_OWNERSHIP_E4 = 30 * 10_000; //    min_ownership_pct "30" (from 2020-08-05)
const CG_HQ_MIN_PARENT_E4 = 50 * 10_000; //    hq_min_parent_pct "50" (from 2020-08-05)
const CG_RD_MIN_RESEARCHERS = 5; //            rd_min_researchers
const CG_CEILING_TECH_PCT = 40n; //            ceiling_tech_pct "40" (from 2020-09-09)
const CG_CEILING_RD_PCT = 50n; //              ceiling_rd_pct "50" (from 2020-09-09)
const CG_CEILING_OTHER_PCT = 30n; //           ceiling_other_pct "30" (from 2020-09-09)
const CG_CEILING_STRATEGIC_PCT = 50n; //       ceiling_strategic_pct "50" (from 2022-07-18)

// rules/kr/capital-goods-tax-exemption.yaml
const CAP_HIGH_TECH_MIN_CENTS = 2_000_000_00n; // high_tech_min_usd (from 2026-01-02; the same before)

// rules/kr/seoul-employment-subsidy.yaml (from 2025-01-01)
export const SES_MIN_NEW_HIRES = 5; //         min_new_hires
export const SES_MIN_FDI_RATIO_E4 = 30 * 10_000; //   min_fdi_ratio_pct "30"

// rules/kr/seoul-training-subsidy.yaml (from 2025-01-01)
export const STS_MIN_NEW_HIRES = 5; //         min_new_hires
export const STS_MIN_FDI_RATIO_E4 = 30 * 10_000; //   min_fdi_ratio_pct "30"

// rules/kr/service-fiz-rent-support.yaml
const SFR_MIN_FDI_RATIO_E4 = 30 * 10_000; //   min_fdi_ratio_pct "30"
const SFR_MIN_RESEARCHERS = 5; //              min_researchers
const SFR_MIN_SERVICE_STAFF = 15; //           min_service_staff

// rules/kr/state-land-rent-reduction.yaml (third version, from 2023-07-18)
const SLR_MIN_OWNERSHIP_E4 = 30 * 10_000; //   min_ownership_pct "30"
const SLR_MANUFACTURING_MIN_CENTS = 5_000_000_00n; // manufacturing_min_usd
const SLR_TIER_MIN_CENTS = 2_500_000_00n; //   tier_min_usd
const SLR_WORKERS_100 = 200; //                workers_100
const SLR_WORKERS_90 = 150; //                 workers_90
const SLR_WORKERS_75 = 70; //                  workers_75

// No closures inside the functions below: tsx (esbuild keepNames) names every closure it creates,
// which costs more than the rules themselves.
function status(eligible: boolean): "eligible" | "ineligible" {
  return eligible ? "eligible" : "ineligible";
}

/** The statuses, and the values of the decision tables the benefits of eligible programs read. */
export interface HandwrittenOutcome {
  readonly statuses: Statuses;
  /** The investment in whole won, as the conditions compare it. */
  readonly won: bigint;
  /** cash-grant's table ceiling, in percent; 0 unless cash-grant is eligible. */
  readonly cashGrantCeilingPct: bigint;
  /** state-land-rent-reduction's table reduction, in percent; 0 when no row matches (otherwise). */
  readonly stateLandReductionPct: bigint;
  /** The profile's row of the technologies table (the full results read its confidence and, for
   *  cash-grant's national share, its columns). */
  readonly technology: TechnologyRow;
}

/** Statuses of every program for a validated profile, as of a date from 2026-01-01 (see common.ts). */
export function handwrittenStatuses(profile: Profile, asOf: string): Statuses {
  return handwrittenOutcome(profile, asOf).statuses;
}

/** The same with the decision-table values, at the rate given (the profile's own when none is). */
export function handwrittenOutcome(profile: Profile, asOf: string, rate?: ScaledRate): HandwrittenOutcome {
  assertModelledDate(asOf);
  const { investment, business, site, employment } = profile;
  const route = investment.route;
  const { won, cents } = amountBoth(profile, rate);
  const ownership = percentE4(investment.foreignOwnershipPct);
  const sector = business.sector;
  const { cashGrantJobs, fizClass, fizTaxBusiness, knowledgeService, culturalIndustry } = sectorRow(sector);
  const technology = technologyRow(business.technology);
  const { newGrowthEngine: nge, highTechIda: ida, nationalStrategic } = technology;
  const mpe = business.materialsPartsEquipment;
  const hq = business.regionalHeadquarters;
  const zone = site.zone;
  // A site an individual-type FIZ can be designated for: in no other zone, or in an industrial complex.
  const ownFizSite = zone === "none" || zone === "industrial-complex";
  const hires = employment.newRegularEmployees;
  const researchers = employment.researchers;

  // foreign-investment, version from 2020-08-05
  const foreignInvestment =
    ((route === "new-shares" || route === "existing-shares") && won >= FI_MIN_AMOUNT_KRW &&
      (ownership >= FI_MIN_SHARE_E4 || investment.officerDispatched)) ||
    (route === "long-term-loan" && investment.loanTermYears !== undefined && investment.loanTermYears >= FI_MIN_LOAN_YEARS) ||
    (route === "nonprofit-contribution" && won >= FI_NONPROFIT_MIN_KRW && ownership >= FI_NONPROFIT_MIN_SHARE_E4 &&
      (researchers >= FI_NONPROFIT_MIN_RESEARCHERS || sector === "research-development")) ||
    (route === "reinvested-earnings" && ownership > 0);

  // fiz-individual, version from 2009-09-09
  const fizIndividual = foreignInvestment && (
    ((fizClass === "manufacturing-ict" || nge) && cents >= FIZ_MANUFACTURING_MIN_CENTS) ||
    (fizClass === "tourism-leisure" && cents >= FIZ_TOURISM_MIN_CENTS) ||
    (fizClass === "logistics-infrastructure" && cents >= FIZ_LOGISTICS_MIN_CENTS) ||
    (sector === "research-development" && nge && cents >= FIZ_RESEARCH_MIN_CENTS && researchers >= FIZ_RESEARCH_MIN_RESEARCHERS &&
      ownership >= FIZ_RESEARCH_MIN_OWNERSHIP_E4)
  );

  // cash-grant, version from 2022-07-18
  // Route 5 (R&D) admits materials and parts, not equipment only.
  // The researchers the R&D route asks, and (route 5 itself) a research facility: an R&D investment.
  const researchStaff = researchers >= CG_RD_MIN_RESEARCHERS && (nge || ida || business.materialsOrParts);
  const researchRoute = sector === "research-development" && researchStaff;
  const jobsRoute = hires > cashGrantJobs;
  const cashGrant = foreignInvestment && ownership >= CG_MIN_OWNERSHIP_E4 &&
    (route === "new-shares" || (route === "nonprofit-contribution" && researchStaff)) &&
    (nge || ida || mpe || jobsRoute || researchRoute || (hq && ownership >= CG_HQ_MIN_PARENT_E4));
  // Its ceiling table (hit collect-max): the largest percentage of the rows that hold. Every route
  // the conditions accept has a row, so an eligible grant always has a ceiling above 0.
  let cashGrantCeilingPct = 0n;
  if (cashGrant) {
    if (jobsRoute || hq) cashGrantCeilingPct = CG_CEILING_OTHER_PCT;
    if ((nge || ida || mpe) && CG_CEILING_TECH_PCT > cashGrantCeilingPct) cashGrantCeilingPct = CG_CEILING_TECH_PCT;
    if (researchRoute && CG_CEILING_RD_PCT > cashGrantCeilingPct) cashGrantCeilingPct = CG_CEILING_RD_PCT;
    if (nationalStrategic && (nge || ida) && CG_CEILING_STRATEGIC_PCT > cashGrantCeilingPct) cashGrantCeilingPct = CG_CEILING_STRATEGIC_PCT;
  }

  // corporate-tax-reduction (ended 2018-12-31) and local-tax-reduction (ended 2025-12-31): not in
  // force, so never eligible.
  const corporateTaxReduction = false;
  const localTaxReduction = false;

  // capital-goods-tax-exemption, version from 2026-01-01
  const capitalGoods = foreignInvestment && route === "new-shares" &&
    ((nge && cents >= CAP_HIGH_TECH_MIN_CENTS) ||
      (fizIndividual && ownFizSite && fizTaxBusiness) ||
      zone === "fiz-complex" || zone === "free-economic-zone" || zone === "free-trade-zone") &&
    (corporateTaxReduction || localTaxReduction);

  // seoul-employment-subsidy and seoul-training-subsidy, versions from 2025-01-01
  const inSeoul = foreignInvestment && site.region === "seoul";
  const seoulEmployment = inSeoul && ownership >= SES_MIN_FDI_RATIO_E4 && hires > SES_MIN_NEW_HIRES;
  const seoulTraining = inSeoul && ownership >= STS_MIN_FDI_RATIO_E4 && hires > STS_MIN_NEW_HIRES;

  // service-fiz-rent-support, version from 2023-07-18
  const serviceFizRent = foreignInvestment && zone === "fiz-service" && ownership >= SFR_MIN_FDI_RATIO_E4 && (
    (sector === "research-development" && researchers >= SFR_MIN_RESEARCHERS) ||
    ((sector === "finance-insurance" || knowledgeService || culturalIndustry || sector === "tourism") &&
      hires >= SFR_MIN_SERVICE_STAFF) ||
    hq // a regional headquarters under FIPA Rule 9-3, whose own 10 staff the flag says
  );

  // state-land-rent-reduction, version from 2026-01-01: read literally (a contested reading, which
  // every result of the version warns of), no RSTA 121-2(1)1 decision can be had any more, so
  // neither the high-tech tier nor the exception resting on one. Its reduction table (hit first),
  // row by row, with the percentages the rows give.
  const inFiz = zone === "fiz-complex" || zone === "fiz-service";
  const tierBusiness = fizClass !== "none" || nge;
  const tier = cents >= SLR_TIER_MIN_CENTS && tierBusiness;
  const manufacturer = sector === "manufacturing" && cents >= SLR_MANUFACTURING_MIN_CENTS;
  // The 100% tier is for land in a zone designated for the investment.
  const ownFiz = fizIndividual && ownFizSite;
  const stateLandReductionPct =
    ownFiz ? 100n
    : inFiz && tier && hires >= SLR_WORKERS_100 ? 100n
    : inFiz && tier && hires >= SLR_WORKERS_90 ? 90n
    : inFiz && manufacturer ? 75n
    : inFiz && tier && hires >= SLR_WORKERS_75 ? 75n
    : zone === "fiz-service" ? 50n
    : zone === "industrial-complex" && (manufacturer || (tier && hires >= SLR_WORKERS_75)) ? 50n
    : 0n; // otherwise
  const stateLand = foreignInvestment && route !== "nonprofit-contribution" &&
    (ownership >= SLR_MIN_OWNERSHIP_E4 || hires > cashGrantJobs || fizIndividual) &&
    (ownFiz || inFiz || zone === "industrial-complex") &&
    stateLandReductionPct > 0n;

  const statuses: Statuses = {
    "foreign-investment": status(foreignInvestment),
    "fiz-individual": status(fizIndividual),
    "cash-grant": status(cashGrant),
    "corporate-tax-reduction": "not-in-force",
    "local-tax-reduction": "not-in-force",
    "capital-goods-tax-exemption": status(capitalGoods),
    "seoul-employment-subsidy": status(seoulEmployment),
    "seoul-training-subsidy": status(seoulTraining),
    "service-fiz-rent-support": status(serviceFizRent),
    "state-land-rent-reduction": status(stateLand),
  };
  return { statuses, won, cashGrantCeilingPct, stateLandReductionPct, technology };
}

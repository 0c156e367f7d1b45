// The investor-facing pages: the profile form (GET /) and the explained result (GET /estimate, a
// permalink of the profile), with the estimate and its profile as the API writes and takes them
// (GET /estimate.json, /profile.json), to keep and replay. Each translates a request into one
// engine call and renders the answer.
import { Router, type Request, type Response } from "express";
import { estimate, type EstimateOptions } from "../engine/estimate.js";
import { MAX_SWEEP_STEPS, sweep } from "../engine/sweep.js";
import { Exact } from "../money/decimal.js";
import { minorDigits } from "../money/money.js";
import { AMOUNT_DIGITS, MAX_HEADCOUNT, type Profile } from "../profile/schema.js";
import type { RuleSet } from "../engine/rule-set.js";
import { ProfileError } from "../profile/profile-error.js";
import { parseProfile } from "../profile/parse-profile.js";
import { invalidProfile, ruleSetCannotAnswer, sendProblem } from "../api/problem.js";
import { RuleEvaluationError } from "../engine/decision-table.js";
import { estimateJsonBytes } from "../engine/result-json.js";
import { formFields, profileFromQuery, queryText } from "./form-fields.js";
import { defaultValues, formView, valuesFromQuery } from "./form-view.js";
import { message, pickLang, type Lang } from "./messages.js";
import { resultView, type CodeLabel, type FieldFlip } from "./result-view.js";
import type { Views } from "./view-engine.js";

export interface PageOptions {
  readonly ruleSet: RuleSet;
  readonly engineVersion: string;
  readonly views: Views;
  readonly today: () => string;
}

export function langOf(req: Request): Lang {
  // Given twice, the last, as every field of the query is read (queryText).
  return pickLang(queryText(req.query.lang), req.get("accept-language"));
}

/** The same page in the other language: the current query with lang swapped. */
export function otherLangUrl(req: Request, lang: Lang): string {
  const params = queryAsRead(req.query as Record<string, unknown>);
  params.set("lang", lang === "en" ? "ko" : "en");
  return `${req.path}?${params.toString()}`;
}

/**
 * The query as the pages read it, one value a name: the last, when a field came more than once
 * (queryText). Links built from it (the other language, the JSON, the edit form) then give the
 * answer the page gave, rather than leave out a field given twice.
 */
function queryAsRead(query: Record<string, unknown>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    const text = queryText(value);
    if (text !== undefined) params.append(key, text);
  }
  return params;
}

/** Where each program's outcome flips if the amount ranged from a tenth to three times what was
 *  entered, the foreign share from none to all, new hires from none to twice as many (at least 400),
 *  or researchers from none to twice as many (at least 20); within what a profile may say, so that
 *  every point is a valid profile. */
function outcomeSweeps(ruleSet: RuleSet, input: unknown, profile: Profile, options: EstimateOptions): FieldFlip[] {
  const amount = new Exact(profile.investment.amount);
  // Bounds in the currency's own decimals, rounded once and half-even, as the sweep rounds its points.
  const places = minorDigits(profile.investment.currency);
  const smallest = new Exact(10).pow(-places);
  const largest = new Exact(10).pow(AMOUNT_DIGITS).minus(smallest);
  const bound = (value: Exact) => value.toFixed(places, Exact.ROUND_HALF_EVEN);
  const upTo = (least: number, given: number) => Math.min(MAX_HEADCOUNT, Math.max(least, 2 * given));
  const hires = upTo(400, profile.employment.newRegularEmployees);
  const researchers = upTo(20, profile.employment.researchers);
  const specs = [
    { field: "investment.amount", from: bound(Exact.max(amount.div(10), smallest)), to: bound(Exact.min(amount.times(3), largest)), steps: 120 },
    { field: "investment.foreignOwnershipPct", from: "0", to: "100", steps: 101 },
    { field: "employment.newRegularEmployees", from: "0", to: String(hires), steps: Math.min(hires + 1, MAX_SWEEP_STEPS) },
    { field: "employment.researchers", from: "0", to: String(researchers), steps: Math.min(researchers + 1, MAX_SWEEP_STEPS) },
  ];
  return specs.flatMap((spec) => sweep(ruleSet, input, spec, options).flips.map((flip) => ({ ...flip, field: spec.field })));
}

export function pageRoutes({ ruleSet, engineVersion, views, today }: PageOptions): Router {
  const router = Router();
  const fields = formFields(ruleSet);
  // Looked up for every code a result page shows: one map per field, made once.
  const choiceLabels = new Map(fields.map((f) => [f.path, new Map((f.choices ?? []).map((c) => [c.value, c.label]))]));
  const codeLabel = (lang: Lang): CodeLabel => (path, code) => choiceLabels.get(path)?.get(code)?.[lang];
  const page = (req: Request, extra: Record<string, unknown>) => {
    const lang = langOf(req);
    return { lang, otherLangUrl: otherLangUrl(req, lang), ...extra };
  };

  router.get("/", (req: Request, res: Response) => {
    const lang = langOf(req);
    // A link back from a result ("change the profile") carries the profile in the query; a link that
    // names only some fields (/?investment.amount=5) keeps the defaults of the others. A field given
    // empty stays empty.
    const query = req.query as Record<string, unknown>;
    const given = valuesFromQuery(query, fields);
    const defaults = defaultValues(today());
    const values = Object.fromEntries(fields.map((f) => [f.path, given[f.path] ?? defaults[f.path]]));
    res.send(views.render("form", page(req, { title: message(lang, "form.heading"), form: formView(fields, values, [], lang) })));
  });

  // The result page's estimate as the API writes it, to keep and replay (npm run estimate -- --replay,
  // POST /api/v1/replay): the same query, the same engine call.
  router.get("/estimate.json", (req: Request, res: Response) => {
    // Named as every API answer names them: the saved file's receipt says the same.
    res.setHeader("X-Ruleset-Hash", ruleSet.hash);
    res.setHeader("X-Engine-Version", engineVersion);
    try {
      const result = estimate(ruleSet, profileFromQuery(req.query as Record<string, unknown>, fields), { today: today(), engineVersion });
      res.attachment(`estimate-${result.asOf}.json`).type("application/json; charset=utf-8").send(estimateJsonBytes(result));
    } catch (error) {
      if (error instanceof ProfileError) return sendProblem(res, invalidProfile(error.issues));
      if (error instanceof RuleEvaluationError) return sendProblem(res, ruleSetCannotAnswer(error));
      throw error;
    }
  });

  // The page's profile as the API takes it: what a replay of the saved estimate is given again.
  router.get("/profile.json", (req: Request, res: Response) => {
    const input = profileFromQuery(req.query as Record<string, unknown>, fields);
    try {
      parseProfile(input, ruleSet.profileSchema);
      res.attachment("profile.json").type("application/json; charset=utf-8").send(`${JSON.stringify(input, null, 2)}\n`);
    } catch (error) {
      if (!(error instanceof ProfileError)) throw error;
      sendProblem(res, invalidProfile(error.issues));
    }
  });

  router.get("/estimate", (req: Request, res: Response) => {
    const lang = langOf(req);
    const query = req.query as Record<string, unknown>;
    try {
      const input = profileFromQuery(query, fields);
      const options = { today: today(), engineVersion };
      const result = estimate(ruleSet, input, options);
      const flips = outcomeSweeps(ruleSet, input, result.profile, options);
      const profileQuery = queryAsRead(query).toString();
      const editUrl = `/?${profileQuery}`;
      const jsonUrl = `/estimate.json?${profileQuery}`;
      const profileUrl = `/profile.json?${profileQuery}`;
      res.send(views.render("result", page(req, { title: message(lang, "result.heading"), result: resultView(result, lang, flips, codeLabel(lang), ruleSet.referenceFiles.rates.source), editUrl, jsonUrl, profileUrl })));
    } catch (error) {
      if (!(error instanceof ProfileError)) throw error;
      const form = formView(fields, valuesFromQuery(query, fields), error.issues, lang);
      res.status(422).send(views.render("form", page(req, { title: message(lang, "form.errorsTitle"), form })));
    }
  });
  return router;
}

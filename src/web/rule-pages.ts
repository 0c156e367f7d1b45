// /rules: the audit pages. The examples are run once, when the pages are set up (or before, by the
// server, which checks them): a loaded rule set never changes, so neither do their outcomes.
import { Router, type Request, type Response } from "express";
import { changesBetween, hasChanges } from "../audit/rule-changes.js";
import { isIsoDate } from "../engine/dates.js";
import { runExamples, type ExampleOutcome } from "../engine/run-examples.js";
import type { CompiledProgram } from "../engine/program.js";
import { message } from "./messages.js";
import { langOf, otherLangUrl, type PageOptions } from "./pages.js";
import { queryText } from "./form-fields.js";
import { referenceContentView } from "./reference-view.js";
import { changesView, referenceSourceView, ruleListView, ruleView, sourceView } from "./rule-view.js";


/** The same day a year earlier; from 29 February, the 28th; in the year 0, its first day. */
function aYearBefore(date: string): string {
  if (date.startsWith("0000")) return "0000-01-01";
  const sameDay = `${String(Number(date.slice(0, 4)) - 1).padStart(4, "0")}${date.slice(4)}`;
  return isIsoDate(sameDay) ? sameDay : `${sameDay.slice(0, 8)}28`;
}

export function rulePageRoutes({ ruleSet, engineVersion, views, today, examples }: PageOptions & { readonly examples?: readonly ExampleOutcome[] }): Router {
  const router = Router();
  const outcomes = examples ?? runExamples(ruleSet, engineVersion);
  const render = (req: Request, res: Response, page: string, title: string, extra: Record<string, unknown>, status = 200) => {
    const lang = langOf(req);
    res.status(status).send(views.render(page, { lang, otherLangUrl: otherLangUrl(req, lang), title, ...extra }));
  };
  const notFound = (req: Request, res: Response) => {
    const lang = langOf(req);
    render(req, res, "error", "404", { heading: "404", text: message(lang, "error.notFound") }, 404);
  };
  /** from and to from the query (defaults: today, and the year before to), or the two as typed when they are no period. */
  const period = (req: Request): { from: string; to: string; valid: boolean } => {
    const to = typeof req.query.to === "string" && req.query.to ? req.query.to : today();
    const from = typeof req.query.from === "string" && req.query.from ? req.query.from : isIsoDate(to) ? aYearBefore(to) : aYearBefore(today());
    return { from, to, valid: isIsoDate(from) && isIsoDate(to) && from <= to };
  };
  /** The changes page for the programs given, or its form back with the dates as typed and a 400. */
  const changesPage = (req: Request, res: Response, title: string, programs: readonly CompiledProgram[], scope: { id?: string; scope?: "all" }) => {
    const lang = langOf(req);
    const p = period(req);
    if (!p.valid) return render(req, res, "rule-changes", title, { period: p, periodError: message(lang, "rules.badPeriod"), programs: [], ...scope }, 400);
    const changes = programs.map((program) => changesBetween(program, p.from, p.to)).filter(hasChanges);
    render(req, res, "rule-changes", title, { period: p, programs: changesView(changes, lang), ...scope });
  };

  router.get("/rules", (req, res) => {
    const lang = langOf(req);
    const asked = queryText(req.query.kind) || undefined;
    // A kind no program has (a hand-edited address) is named, and the list shown whole, not empty.
    const known = asked === undefined || ruleSet.programs.some((p) => p.kind === asked);
    const kind = known ? asked : undefined;
    const view = ruleListView(ruleSet, outcomes, today(), lang, { kind, unverified: req.query.unverified === "1" });
    const kindError = known ? undefined : message(lang, "rules.badKind", { kinds: view.kinds.map((k) => k.value).join(", ") });
    render(req, res, "rules", message(lang, "rules.heading"), { rules: view, kindError }, known ? 200 : 400);
  });

  router.get("/rules/changes", (req, res) => {
    changesPage(req, res, message(langOf(req), "rules.changes"), ruleSet.programs, { scope: "all" });
  });

  router.get("/rules/:id", (req, res) => {
    const lang = langOf(req);
    const view = ruleView(ruleSet, req.params.id, outcomes, today(), lang);
    if (!view) return notFound(req, res);
    render(req, res, "rule", view.title, { rule: view });
  });

  router.get("/rules/:id/changes", (req, res) => {
    const program = ruleSet.byId.get(req.params.id);
    if (!program) return notFound(req, res);
    const lang = langOf(req);
    changesPage(req, res, `${program.title[lang]} — ${message(lang, "rules.changes")}`, [program], { id: program.id });
  });

  // The tables are what an analyst reads; the file stays below them, to be cited by its line numbers.
  router.get("/rules/reference/:name", (req, res) => {
    const source = referenceSourceView(ruleSet, req.params.name);
    const content = referenceContentView(ruleSet, req.params.name, langOf(req));
    if (!source || !content) return notFound(req, res);
    render(req, res, `reference-${content.kind}`, content.title, { content, source });
  });

  router.get("/rules/:id/source", (req, res) => {
    const view = sourceView(ruleSet, req.params.id);
    if (!view) return notFound(req, res);
    render(req, res, "rule-source", view.path, { source: view });
  });
  return router;
}

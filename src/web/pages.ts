// The investor-facing pages: the profile form (GET /) and the explained result (GET /estimate, a
// permalink of the profile). Each translates a request into one engine call and renders the answer.
import { Router, type Request, type Response } from "express";
import { estimate } from "../engine/estimate.js";
import type { RuleSet } from "../engine/rule-set.js";
import { ProfileError } from "../profile/profile-error.js";
import { formFields, profileFromQuery } from "./form-fields.js";
import { defaultValues, formView, valuesFromQuery } from "./form-view.js";
import { message, pickLang, type Lang } from "./messages.js";
import { resultView } from "./result-view.js";
import type { Views } from "./view-engine.js";

export interface PageOptions {
  readonly ruleSet: RuleSet;
  readonly engineVersion: string;
  readonly views: Views;
  readonly today: () => string;
}

export function langOf(req: Request): Lang {
  return pickLang(req.query.lang, req.get("accept-language"));
}

/** The same page in the other language: the current query with lang swapped. */
export function otherLangUrl(req: Request, lang: Lang): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(req.query)) if (key !== "lang" && typeof value === "string") params.append(key, value);
  params.set("lang", lang === "en" ? "ko" : "en");
  return `${req.path}?${params.toString()}`;
}

export function pageRoutes({ ruleSet, engineVersion, views, today }: PageOptions): Router {
  const router = Router();
  const fields = formFields(ruleSet);
  const page = (req: Request, extra: Record<string, unknown>) => {
    const lang = langOf(req);
    return { lang, otherLangUrl: otherLangUrl(req, lang), ...extra };
  };

  router.get("/", (req: Request, res: Response) => {
    const lang = langOf(req);
    // A link back from a result ("change the profile") carries the profile in the query.
    const query = req.query as Record<string, unknown>;
    const submitted = fields.some((f) => f.path in query);
    const values = submitted ? valuesFromQuery(query, fields) : defaultValues(today());
    res.send(views.render("form", page(req, { title: message(lang, "form.heading"), form: formView(fields, values, [], lang) })));
  });

  router.get("/estimate", (req: Request, res: Response) => {
    const lang = langOf(req);
    const query = req.query as Record<string, unknown>;
    try {
      const result = estimate(ruleSet, profileFromQuery(query, fields), { today: today(), engineVersion });
      const editUrl = `/?${new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => typeof e[1] === "string")).toString()}`;
      res.send(views.render("result", page(req, { title: message(lang, "result.heading"), result: resultView(result, lang), editUrl })));
    } catch (error) {
      if (!(error instanceof ProfileError)) throw error;
      const form = formView(fields, valuesFromQuery(query, fields), error.issues, lang);
      res.status(422).send(views.render("form", page(req, { title: message(lang, "form.errors"), form })));
    }
  });
  return router;
}

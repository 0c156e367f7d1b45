// A small view engine over Handlebars: every template under views/ is read and compiled once at
// start-up; pages render into layouts/main. {{x}} escapes, so profile text shows as text.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import Handlebars from "handlebars";
import { message, type Lang } from "./messages.js";

export interface Views {
  render(page: string, context: Record<string, unknown>): string;
}

export async function loadViews(dir: string): Promise<Views> {
  const hbs = Handlebars.create();
  hbs.registerHelper("t", function (key: string, options: Handlebars.HelperOptions) {
    return message(options.data.root.lang as Lang, key);
  });
  hbs.registerHelper("eq", (a: unknown, b: unknown) => a === b);

  const templates = async (sub: string) => {
    const entries = await readdir(join(dir, sub)).catch(() => [] as string[]);
    return Promise.all(
      entries.filter((f) => f.endsWith(".hbs")).map(async (f) => [f.slice(0, -4), await readFile(join(dir, sub, f), "utf8")] as const),
    );
  };
  for (const [name, source] of await templates("partials")) hbs.registerPartial(name, source);
  const compileAll = async (sub: string) =>
    new Map((await templates(sub)).map(([name, source]) => [name, hbs.compile(source, { strict: true })] as const));
  const pages = await compileAll(".");
  const layout = (await compileAll("layouts")).get("main");
  if (!layout) throw new Error(`no layouts/main.hbs in ${dir}`);

  return {
    render(page, context) {
      const template = pages.get(page);
      if (!template) throw new Error(`no view ${page}`);
      const body = template(context, { allowProtoPropertiesByDefault: false });
      return layout({ ...context, body });
    },
  };
}

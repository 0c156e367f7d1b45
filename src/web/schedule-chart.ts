// The geometry of a small bar chart of a benefit's yearly amounts, for an inline SVG. Pure numbers
// for drawing (pixels), never for money: heights come from the won amounts' ratio to the largest.
import type { YearAmount } from "../engine/result.js";
import { formatMoney } from "../money/format-money.js";

export interface ChartBar {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly year: number;
  readonly labelX: number;
  readonly labelY: number;
  readonly title: string;
}

export interface Chart {
  readonly width: number;
  readonly height: number;
  readonly baseline: number;
  readonly bars: readonly ChartBar[];
}

const HEIGHT = 120;
const BAR = 28;
const GAP = 8;
const TOP = 8;
const AXIS = 18;

export function scheduleChart(years: readonly YearAmount[]): Chart | undefined {
  if (years.length === 0) return undefined;
  const won = years.map((y) => y.amount.krw.toJSON().amount);
  const max = won.reduce((a, b) => (b > a ? b : a), 0n);
  const plot = HEIGHT - TOP - AXIS;
  const bars = years.map((y, i) => {
    // Scale in bigint to per-mille, then to pixels: exact enough for drawing, and no float of money.
    const perMille = max === 0n ? 0 : Number((won[i]! * 1000n) / max);
    const height = Math.round((plot * perMille) / 1000);
    const x = GAP + i * (BAR + GAP);
    return { x, y: TOP + plot - height, width: BAR, height, year: y.year, labelX: x + BAR / 2, labelY: HEIGHT - 4, title: `${y.year}: ${formatMoney(y.amount.krw)} (${y.percent.toString()}%)` };
  });
  return { width: GAP + years.length * (BAR + GAP), height: HEIGHT, baseline: TOP + plot, bars };
}

// The syntax tree of a rule expression. Offsets are into the expression's own text, so that errors
// can be placed at file:line:col once the rule loader adds where the expression starts.

export interface Span {
  readonly start: number;
  readonly end: number;
}

export type Expr =
  | (Span & { readonly kind: "number"; readonly text: string })
  | (Span & { readonly kind: "string"; readonly value: string })
  | (Span & { readonly kind: "bool"; readonly value: boolean })
  | (Span & { readonly kind: "ref"; readonly path: readonly string[] })
  | (Span & { readonly kind: "call"; readonly name: string; readonly args: readonly Expr[] })
  | (Span & { readonly kind: "not"; readonly operand: Expr })
  | (Span & { readonly kind: "binary"; readonly op: BinaryOp; readonly left: Expr; readonly right: Expr })
  | (Span & { readonly kind: "in"; readonly operand: Expr; readonly list: readonly Expr[] });

export type LogicalOp = "and" | "or";
export type ComparisonOp = "==" | "!=" | "<" | "<=" | ">" | ">=";
export type ArithmeticOp = "+" | "-" | "*";
export type BinaryOp = LogicalOp | ComparisonOp | ArithmeticOp;

export const COMPARISON_OPS: readonly string[] = ["==", "!=", "<", "<=", ">", ">="];

export class ExprSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

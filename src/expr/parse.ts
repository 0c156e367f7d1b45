// A small Pratt parser for the rule expression language:
//   or < and < not < comparison, in < + - < * < primary (number, 'string', true, false, a.b.c, f(x), ( ))
import { ExprSyntaxError, type BinaryOp, type Expr } from "./ast.js";

type Token =
  | { kind: "number" | "string" | "ident" | "op" | "end"; text: string; start: number; end: number };

const OPERATORS = ["==", "!=", "<=", ">=", "<", ">", "+", "-", "*", "(", ")", "[", "]", ",", "."];
const KEYWORDS = new Set(["and", "or", "not", "in", "true", "false"]);

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    if (/\s/.test(ch)) {
      i++;
    } else if (/[0-9]/.test(ch)) {
      const match = /^[0-9]+(\.[0-9]+)?/.exec(source.slice(i))!;
      tokens.push({ kind: "number", text: match[0], start: i, end: i + match[0].length });
      i += match[0].length;
    } else if (ch === '"' || ch === "'") {
      const close = source.indexOf(ch, i + 1);
      if (close < 0) throw new ExprSyntaxError("unterminated string", i);
      tokens.push({ kind: "string", text: source.slice(i + 1, close), start: i, end: close + 1 });
      i = close + 1;
    } else if (/[A-Za-z_]/.test(ch)) {
      const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(i))!;
      tokens.push({ kind: "ident", text: match[0], start: i, end: i + match[0].length });
      i += match[0].length;
    } else {
      const op = OPERATORS.find((o) => source.startsWith(o, i));
      if (ch === "/") throw new ExprSyntaxError("there is no division: multiply by a percentage or a fraction's parameter instead", i);
      if (!op) throw new ExprSyntaxError(`unexpected character '${ch}'`, i);
      tokens.push({ kind: "op", text: op, start: i, end: i + op.length });
      i += op.length;
    }
  }
  tokens.push({ kind: "end", text: "end of expression", start: source.length, end: source.length });
  return tokens;
}

const BINDING: Record<string, number> = {
  or: 1, and: 2, "==": 4, "!=": 4, "<": 4, "<=": 4, ">": 4, ">=": 4, in: 4, "+": 5, "-": 5, "*": 6,
};

/** Bounds far beyond any rule's (a few levels, a few dozen operators) and well within what parsing,
 *  type-checking and compiling, each recursive, can take: past them the load stopped with a stack
 *  overflow instead of a file:line:col. */
export const MAX_NESTING = 50;
export const MAX_OPERATORS = 200;

export function parseExpr(source: string): Expr {
  const tokens = tokenize(source);
  let pos = 0;
  let nesting = 0;
  let operators = 0;
  const counted = (token: Token) => {
    if (++operators > MAX_OPERATORS) throw new ExprSyntaxError(`expression too long: at most ${MAX_OPERATORS} operators`, token.start);
  };
  const peek = (): Token => tokens[pos]!;
  const next = (): Token => tokens[pos++]!;
  const expect = (text: string): Token => {
    const token = next();
    if (token.text !== text || token.kind === "string") {
      throw new ExprSyntaxError(`expected '${text}' but found '${token.text}'`, token.start);
    }
    return token;
  };

  function infixOf(token: Token): string | undefined {
    if (token.kind === "op" || (token.kind === "ident" && KEYWORDS.has(token.text))) {
      return token.text in BINDING ? token.text : undefined;
    }
    return undefined;
  }

  function expression(minBinding: number): Expr {
    if (++nesting > MAX_NESTING) throw new ExprSyntaxError(`expression nested too deeply: at most ${MAX_NESTING} levels`, peek().start);
    const inner = operand(minBinding);
    nesting--;
    return inner;
  }

  function operand(minBinding: number): Expr {
    let left = prefix();
    for (;;) {
      const op = infixOf(peek());
      if (!op || BINDING[op]! <= minBinding) return left;
      const opToken = next();
      counted(opToken);
      // Comparisons do not chain: "a < b < c" is an error rather than a surprise.
      if (BINDING[op] === 4 && (left.kind === "in" || (left.kind === "binary" && BINDING[left.op] === 4))) {
        throw new ExprSyntaxError("comparisons cannot be chained; join them with 'and'", opToken.start);
      }
      if (op === "in") {
        expect("[");
        const list: Expr[] = [];
        if (peek().text !== "]") {
          do list.push(expression(0));
          while (peek().text === "," && next());
        }
        const close = expect("]");
        left = { kind: "in", operand: left, list, start: left.start, end: close.end };
      } else {
        const right = expression(BINDING[op]!);
        left = { kind: "binary", op: op as BinaryOp, left, right, start: left.start, end: right.end };
      }
    }
  }

  function prefix(): Expr {
    const token = next();
    switch (token.kind) {
      case "number":
        return { kind: "number", text: token.text, start: token.start, end: token.end };
      case "string":
        return { kind: "string", value: token.text, start: token.start, end: token.end };
      case "op":
        if (token.text === "(") {
          const inner = expression(0);
          expect(")");
          return inner;
        }
        break;
      case "ident":
        return identifier(token);
      case "end":
        break;
    }
    throw new ExprSyntaxError(`unexpected '${token.text}'`, token.start);
  }

  function identifier(token: Token): Expr {
    if (token.text === "true" || token.text === "false") {
      return { kind: "bool", value: token.text === "true", start: token.start, end: token.end };
    }
    if (token.text === "not") {
      counted(token);
      const operand = expression(3);
      return { kind: "not", operand, start: token.start, end: operand.end };
    }
    if (KEYWORDS.has(token.text)) throw new ExprSyntaxError(`unexpected '${token.text}'`, token.start);
    if (peek().text === "(") {
      next();
      const args: Expr[] = [];
      if (peek().text !== ")") {
        do args.push(expression(0));
        while (peek().text === "," && next());
      }
      const close = expect(")");
      return { kind: "call", name: token.text, args, start: token.start, end: close.end };
    }
    const path = [token.text];
    let end = token.end;
    while (peek().text === ".") {
      next();
      const part = next();
      if (part.kind !== "ident") throw new ExprSyntaxError(`expected a name after '.'`, part.start);
      path.push(part.text);
      end = part.end;
    }
    return { kind: "ref", path, start: token.start, end };
  }

  const result = expression(0);
  const rest = peek();
  if (rest.kind !== "end") throw new ExprSyntaxError(`unexpected '${rest.text}' after the expression`, rest.start);
  return result;
}

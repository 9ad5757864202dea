/**
 * Parser for Graph `fields=` with field expansion, e.g.
 * `id,caption,insights.metric(reach,views),comments.limit(5){text,from{id,username}}`.
 */
import { paramError } from './errors';

/** One requested field: name, modifiers like limit(5)/metric(a,b), and nested fields. */
export interface FieldSpec {
  name: string;
  mods: Record<string, string>;
  sub?: FieldSpec[];
}

class Parser {
  private i = 0;

  constructor(private readonly s: string) {}

  parseList(closing?: string): FieldSpec[] {
    const out: FieldSpec[] = [];
    for (;;) {
      this.skipSpace();
      if (this.i >= this.s.length || (closing && this.s[this.i] === closing)) break;
      out.push(this.parseItem());
      this.skipSpace();
      if (this.s[this.i] === ',') this.i++;
      else break;
    }
    return out;
  }

  private parseItem(): FieldSpec {
    const spec: FieldSpec = { name: this.ident(), mods: {} };
    for (;;) {
      this.skipSpace();
      const c = this.s[this.i];
      if (c === '.') {
        this.i++;
        const mod = this.ident();
        if (this.s[this.i] !== '(') throw paramError(`Syntax error "Expected "(" instead of "${this.s[this.i] ?? 'end'}"." at character ${this.i}: ${this.s}`);
        spec.mods[mod] = this.parens();
      } else if (c === '{') {
        this.i++;
        spec.sub = this.parseList('}');
        if (this.s[this.i] !== '}') throw paramError(`Syntax error "Expected "}"." at character ${this.i}: ${this.s}`);
        this.i++;
      } else {
        return spec;
      }
    }
  }

  private ident(): string {
    const m = /^[A-Za-z0-9_]+/.exec(this.s.slice(this.i));
    if (!m) throw paramError(`Syntax error "Expected end of string instead of "${this.s[this.i] ?? ''}"." at character ${this.i}: ${this.s}`);
    this.i += m[0].length;
    return m[0];
  }

  private parens(): string {
    let depth = 0;
    const start = this.i + 1;
    for (; this.i < this.s.length; this.i++) {
      if (this.s[this.i] === '(') depth++;
      else if (this.s[this.i] === ')' && --depth === 0) {
        this.i++;
        return this.s.slice(start, this.i - 1);
      }
    }
    throw paramError(`Syntax error "Expected ")"." at character ${this.i}: ${this.s}`);
  }

  private skipSpace(): void {
    while (this.s[this.i] === ' ') this.i++;
  }
}

/** Parses a fields string (undefined/empty → undefined, meaning "node defaults"). */
export function parseFields(raw: string | undefined): FieldSpec[] | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const parser = new Parser(raw);
  const specs = parser.parseList();
  return specs;
}

/** Serialises specs back into a fields string (used for paging.next of expanded edges). */
export function serializeFields(specs: readonly FieldSpec[]): string {
  return specs
    .map((f) => {
      let s = f.name;
      for (const [k, v] of Object.entries(f.mods)) s += `.${k}(${v})`;
      if (f.sub) s += `{${serializeFields(f.sub)}}`;
      return s;
    })
    .join(',');
}

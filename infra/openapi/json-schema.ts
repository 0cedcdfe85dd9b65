import { z } from 'zod';

/** A JSON Schema (draft 2020-12, OpenAPI 3.1's dialect) as zod renders it. */
export type JsonSchema = { [keyword: string]: unknown };

type Io = 'input' | 'output';

const placeholderPrefix = '#/x-tongban-component/';
const componentsPrefix = '#/components/schemas/';

/** A stable rendering for comparing two schemas (zod renders the same schema with the same key order). */
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

function rewriteRefs(value: unknown, rewrite: (ref: string) => string): unknown {
  if (Array.isArray(value)) return value.map((item) => rewriteRefs(item, rewrite));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, key === '$ref' && typeof item === 'string' ? rewrite(item) : rewriteRefs(item, rewrite)]),
  );
}

/**
 * zod's own JSON Schema output (`z.toJSONSchema`, draft 2020-12), gathered into one set of components: every schema
 * that carries `.meta({ id })` becomes `#/components/schemas/<id>` however many routes use it. A request is rendered as
 * input (a field with a default is optional) and a response as output (every field is there; objects admit no other
 * field), so one id can have two renderings: the output keeps the id and the input is `<id>Input`. Two different
 * schemas with one id are refused, as are types JSON Schema cannot say (a transform's output, a date object).
 */
export class SchemaComponents {
  /** Every rendering of an id, per side: filled by `render`, named by `finish`. */
  private readonly renderings = new Map<string, Partial<Record<Io, JsonSchema>>>();

  /** The JSON Schema of `schema` for one side, with its named parts referenced through placeholders until `finish`. */
  render(schema: z.ZodType, io: Io): JsonSchema {
    const rendered = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'throw' }) as JsonSchema;
    const { $schema: _dialect, $defs, ...root } = rendered;
    const toPlaceholder = (ref: string) => (ref.startsWith('#/$defs/') ? `${placeholderPrefix}${io}/${ref.slice('#/$defs/'.length)}` : ref);
    for (const [id, definition] of Object.entries(($defs ?? {}) as Record<string, JsonSchema>)) {
      const sides = this.renderings.get(id) ?? {};
      const rewritten = rewriteRefs(definition, toPlaceholder) as JsonSchema;
      const known = sides[io];
      if (known && !same(known, rewritten)) throw new Error(`two different schemas carry .meta({ id: '${id}' }): give each its own id`);
      sides[io] = rewritten;
      this.renderings.set(id, sides);
    }
    return rewriteRefs(root, toPlaceholder) as JsonSchema;
  }

  /** The named part a rendered schema refers to at its root (a schema with an id renders as a `$ref`), or the schema itself. */
  resolve(rendered: JsonSchema): JsonSchema {
    const ref = rendered.$ref;
    if (typeof ref !== 'string' || !ref.startsWith(placeholderPrefix)) return rendered;
    const [io, id] = ref.slice(placeholderPrefix.length).split('/') as [Io, string];
    return this.resolve(this.renderings.get(id)?.[io] as JsonSchema);
  }

  private nameOf(io: Io, id: string): string {
    const sides = this.renderings.get(id) ?? {};
    if (io === 'input' && sides.output && sides.input && !same(sides.output, sides.input)) return `${id}Input`;
    return id;
  }

  /** Replaces the placeholders in `document` by component references and returns the components, sorted by name. */
  finish<T>(document: T): { readonly document: T; readonly schemas: Record<string, JsonSchema> } {
    const toComponent = (ref: string) => {
      if (!ref.startsWith(placeholderPrefix)) return ref;
      const [io, id] = ref.slice(placeholderPrefix.length).split('/') as [Io, string];
      return `${componentsPrefix}${this.nameOf(io, id)}`;
    };
    const schemas: Record<string, JsonSchema> = {};
    for (const [id, sides] of this.renderings) {
      for (const io of ['output', 'input'] as const) {
        const rendering = sides[io];
        if (rendering) schemas[this.nameOf(io, id)] = rewriteRefs(rendering, toComponent) as JsonSchema;
      }
    }
    const sorted = Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    return { document: rewriteRefs(document, toComponent) as T, schemas: sorted };
  }
}

/**
 * Just enough of a JSON Schema (2020-12) validator to check the generated game schema without a
 * new dependency: the keywords that schema uses, and an error for any other, so that a change in
 * what zod generates cannot pass unchecked.
 */

type Schema = Record<string, unknown>;

const IGNORED = new Set(['$schema', '$id', 'title', 'description', '$defs']);

/** Paths (JSON pointers) of every failure; empty when the value is valid. */
export function validate(root: Schema, value: unknown): string[] {
  const failures: string[] = [];
  check(root, root, value, '', failures);
  return failures;
}

function check(root: Schema, schema: Schema, value: unknown, at: string, out: string[]): void {
  for (const [keyword, arg] of Object.entries(schema)) {
    if (IGNORED.has(keyword)) continue;
    const fail = () => out.push(`${at || '/'}: ${keyword}`);
    switch (keyword) {
      case '$ref': {
        const name = String(arg).replace('#/$defs/', '');
        const target = (root.$defs as Record<string, Schema>)[name];
        if (target === undefined) throw new Error(`unresolved $ref ${String(arg)}`);
        check(root, target, value, at, out);
        break;
      }
      case 'type':
        if (!hasType(value, arg as string)) fail();
        break;
      case 'const':
        if (value !== arg) fail();
        break;
      case 'enum':
        if (!(arg as unknown[]).includes(value)) fail();
        break;
      case 'minimum':
        if (typeof value === 'number' && !(value >= (arg as number))) fail();
        break;
      case 'maximum':
        if (typeof value === 'number' && !(value <= (arg as number))) fail();
        break;
      case 'exclusiveMinimum':
        if (typeof value === 'number' && !(value > (arg as number))) fail();
        break;
      case 'exclusiveMaximum':
        if (typeof value === 'number' && !(value < (arg as number))) fail();
        break;
      case 'minLength':
        if (typeof value === 'string' && Array.from(value).length < (arg as number)) fail();
        break;
      case 'pattern':
        if (typeof value === 'string' && !new RegExp(arg as string, 'u').test(value)) fail();
        break;
      case 'minItems':
        if (Array.isArray(value) && value.length < (arg as number)) fail();
        break;
      case 'items':
        if (Array.isArray(value)) value.forEach((v, i) => check(root, arg as Schema, v, `${at}/${i}`, out));
        break;
      case 'anyOf': {
        const branches = arg as Schema[];
        if (!branches.some((b) => ok(root, b, value))) fail();
        break;
      }
      case 'not':
        if (ok(root, arg as Schema, value)) fail();
        break;
      case 'required':
        if (isObject(value))
          for (const key of arg as string[])
            if (!Object.hasOwn(value, key)) out.push(`${at}/${key}: required`);
        break;
      case 'properties':
        if (isObject(value)) {
          for (const [key, sub] of Object.entries(arg as Record<string, Schema>)) {
            if (Object.hasOwn(value, key)) check(root, sub, value[key], `${at}/${key}`, out);
          }
        }
        break;
      case 'additionalProperties':
        if (isObject(value)) {
          const known = Object.keys((schema.properties as Schema | undefined) ?? {});
          for (const [key, v] of Object.entries(value)) {
            if (known.includes(key)) continue;
            if (arg === false) out.push(`${at}/${key}: additionalProperties`);
            else check(root, arg as Schema, v, `${at}/${key}`, out);
          }
        }
        break;
      case 'propertyNames':
        if (isObject(value))
          for (const key of Object.keys(value)) check(root, arg as Schema, key, `${at}/${key}(name)`, out);
        break;
      default:
        throw new Error(`mini validator: unsupported keyword ${keyword}`);
    }
  }
}

function ok(root: Schema, schema: Schema, value: unknown): boolean {
  const out: string[] = [];
  check(root, schema, value, '', out);
  return out.length === 0;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'object':
      return isObject(value);
    case 'array':
      return Array.isArray(value);
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'null':
      return value === null;
    default:
      throw new Error(`mini validator: unknown type ${type}`);
  }
}

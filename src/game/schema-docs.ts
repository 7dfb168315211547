/**
 * Documentation of the file schema for its JSON Schema: a local zod registry, so nothing of the
 * game format leaks into zod's global registry.
 */
import { z } from 'zod';

export interface SchemaDoc {
  /** Extracted into `$defs` under this name. */
  readonly id?: string;
  readonly description: string;
}

export const schemaDocs = z.registry<SchemaDoc>();

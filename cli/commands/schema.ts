import { z } from 'zod';
import { modelshipConfigSchema } from '../../core/config/modelship-config-schema.js';
import { checksFileSchema } from '../../core/checks/check-schema.js';
import { EXIT, type Command } from '../cli-io.js';
import { parseOptions } from '../parse-options.js';

export const schemaUsage = `Usage: modelship schema [--checks]

Prints the JSON Schema of .github/modelship.yml (or, with --checks, of a checks file), for editors
and validators. Generated from the same zod schema the tools validate with.
`;

export const schema: Command = async (args, io) => {
  const options = parseOptions('schema', args, {
    checks: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (options.help) {
    io.out(schemaUsage);
    return EXIT.ok;
  }
  const source = options.checks ? checksFileSchema : modelshipConfigSchema;
  const jsonSchema = z.toJSONSchema(source, { io: 'input', target: 'draft-2020-12' });
  io.out(`${JSON.stringify(jsonSchema, null, 2)}\n`);
  return EXIT.ok;
};

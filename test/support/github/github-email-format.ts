import { fullFormats } from 'ajv-formats/dist/formats.js';

/**
 * GitHub's `format: email`, as GitHub fills it: an RFC address, or a bot's no-reply address
 * (`41898282+github-actions[bot]@users.noreply.github.com`), whose brackets GitHub's own schema's
 * email format would reject although GitHub sends it in every push a bot makes.
 */
const rfcEmail = fullFormats.email as RegExp;
const botNoReply = /^\d+\+[A-Za-z0-9-]+\[bot\]@users\.noreply\.github\.com$/;

export const githubEmailFormat = (value: string) => rfcEmail.test(value) || botNoReply.test(value);

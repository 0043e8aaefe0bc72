import { formatSoak } from '../../promotion-policy/parse-soak.js';
import { cellCode } from './changes-table.js';
import { escapeMarkdown, formatLogin, formatTime } from './markdown-text.js';
import type { StatusRow } from './promotion-reply-views.js';

/** What runs where: environment → version, since when, by whom, and any lock. */
export function renderStatus(view: { rows: readonly StatusRow[]; now: string }): string {
  if (view.rows.length === 0) return '### Status\n\nNo environment is configured.';
  const models = new Set(view.rows.map((r) => r.model).filter(Boolean));
  const withModel = models.size > 1;
  const head = withModel
    ? ['| Environment | Model | Version | Since | By | Lock |', '| --- | --- | --- | --- | --- | --- |']
    : ['| Environment | Version | Since | By | Lock |', '| --- | --- | --- | --- | --- |'];
  const rows = view.rows.map((r) => {
    const cells = [
      escapeMarkdown(r.environment),
      ...(withModel ? [r.model ? escapeMarkdown(r.model) : '—'] : []),
      r.version ? cellCode(r.version) : '—',
      r.since ? `${formatTime(r.since)} (${age(r.since, view.now)})` : '—',
      r.by ? formatLogin(r.by) : '—',
      lockCell(r.lock, r.environment, view.now),
    ];
    return `| ${cells.join(' | ')} |`;
  });
  const problems = view.rows
    .filter((r) => r.disagreement)
    .map((r) => `- ⚠️ ${escapeMarkdown(r.environment)}: ${escapeMarkdown(r.disagreement!)}`);
  const title = models.size === 1 ? `### Status of ${escapeMarkdown([...models][0]!)}` : '### Status';
  return [title, '', ...head, ...rows, ...(problems.length > 0 ? ['', ...problems] : [])].join('\n');
}

function lockCell(state: StatusRow['lock'], environment: string, now: string): string {
  if (state === undefined || state.state === 'free') return '—';
  if (state.state === 'unreadable')
    return `🔒 unreadable: ${cellCode(`/unlock ${environment} --force`)} clears it`;
  const { lock } = state;
  const kind = lock.sticky ? '🔒' : '⏳ promoting';
  const why = lock.reason && lock.sticky ? `: ${escapeMarkdown(lock.reason)}` : '';
  return `${kind} ${formatLogin(lock.owner.login)}, ${age(lock.createdAt, now)}${why}`;
}

function age(since: string, now: string): string {
  const ms = Date.parse(now) - Date.parse(since);
  return Number.isNaN(ms) || ms < 0 ? 'just now' : `${formatSoak(ms)} ago`;
}

import { formatSoak } from '../../promotion-policy/parse-soak.js';
import { cellCode } from './changes-table.js';
import { codeSpan, escapeMarkdown, formatLogin, formatTime, link } from './markdown-text.js';
import type { StatusRow, StatusView } from './promotion-reply-views.js';

/**
 * What runs where: environment → version (as the ops repository says), since when and by whom (the
 * registry's stage), any lock; and below, every environment where the two disagree, with the
 * command that reconciles them.
 */
export function renderStatus(view: StatusView): string {
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
  const problems = view.rows.flatMap((r) => {
    const env = escapeMarkdown(r.environment);
    if (r.disagreement) return [`- ⚠️ ${env}: ${escapeMarkdown(r.disagreement)}`];
    if (!r.stageMismatch || r.version === undefined) return [];
    const stage = r.stageMismatch.stage !== undefined ? codeSpan(r.stageMismatch.stage) : 'nothing';
    const finish = codeSpan(`/promote ${r.version}${r.model ? ` ${r.model}` : ''} to ${r.environment}`);
    return [
      `- ⚠️ ${env}: the ops repository runs ${codeSpan(r.version)} but the registry's stage says ${stage} — a promotion left half-done (its commit without its stage tag) or a hand edit. ${finish} finishes it (nothing is committed again).`,
    ];
  });
  const title = models.size === 1 ? `### Status of ${escapeMarkdown([...models][0]!)}` : '### Status';
  const source = view.source
    ? [
        '',
        `From ${escapeMarkdown(view.source.repository)} at ${link(codeSpan(view.source.commit.slice(0, 7)), view.source.url)}.`,
      ]
    : [];
  return [title, ...source, '', ...head, ...rows, ...(problems.length > 0 ? ['', ...problems] : [])].join(
    '\n',
  );
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

import type { Handler } from '../context.js';
import { notFound } from '../http-error.js';
import { checkRunAnnotations } from './checks.js';

interface AnnotationInput {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: string;
  message: string;
  title?: string;
  raw_details?: string;
}

/** `GET /check-runs/{id}/annotations`: every annotation the run received, across create and updates, in order. */
export const annotationHandlers: Record<string, Handler> = {
  'checks/list-annotations': async (ctx) => {
    const repo = ctx.repo();
    const run = repo.checkRuns.get(Number(ctx.params.check_run_id));
    if (!run) throw notFound();
    const sha = run.head_sha as string;
    const list = (checkRunAnnotations(run) as AnnotationInput[]).map((a) => ({
      path: a.path,
      blob_href: `https://github.com/${repo.fullName}/blob/${sha}/${a.path.split('/').map(encodeURIComponent).join('/')}`,
      start_line: a.start_line,
      end_line: a.end_line,
      start_column: a.start_column ?? null,
      end_column: a.end_column ?? null,
      annotation_level: a.annotation_level,
      title: a.title ?? null,
      message: a.message,
      raw_details: a.raw_details ?? null,
    }));
    return { status: 200, list };
  },
};

import { ApiError } from '../../http/errors.js';
import { isDisclosed } from '../../privacy/anonymity.js';
import { decodeCursor, pulseComments, recentComments, type CommentPage, type CommentSearch } from '../queries/comments.js';
import { summaryCounts } from '../queries/rollup.js';
import { echo } from '../scope.js';
import { select } from '../selection.js';
import type { CommentsResponse } from '../types.js';
import type { StatsEndpoint } from './context.js';

/**
 * `GET /v1/stats/comments`: the selection's comments, newest first, under the anonymity rule;
 * searchable (`q`), filterable (`topic`, `score`, `question`, `answer`) and paged (`cursor`).
 */
export const commentsEndpoint: StatsEndpoint = (app, ctx) => {
  app.get('/v1/stats/comments', async (c) => {
    const s = await select(c, ctx);
    const { filter, protection, query } = s;
    const pulse = protection.group === 'pulse';
    const search: CommentSearch = {
      ...(query.q !== undefined && { q: query.q }),
      ...(query.topic !== undefined && { topic: query.topic }),
      ...(query.score !== undefined && { score: query.score }),
      ...(query.question !== undefined && { question: query.question }),
      ...(query.answer !== undefined && { answer: query.answer }),
    };
    if (query.cursor !== undefined) {
      const after = decodeCursor(query.cursor, pulse ? 'pulse' : 'customer');
      if (!after) throw new ApiError(400, 'validation_failed', 'Invalid query parameters', { issues: [{ path: ['cursor'], message: 'is not a cursor of this list: pass the `nextCursor` of the previous page' }] });
      search.after = after;
    }
    const disclosed = isDisclosed(protection, Number((await summaryCounts(ctx.db, filter)).responses ?? 0));
    let page: CommentPage = { comments: [], nextCursor: null };
    if (disclosed) {
      page = pulse
        ? await pulseComments(ctx.db, filter, query.limit, protection.minimum, { search })
        : await recentComments(ctx.db, filter, query.limit, { search, staffMinimum: ctx.config.STAFF_MIN_RESPONSES });
    }
    const body: CommentsResponse = { filter: echo(filter), comments: page.comments, insufficientResponses: !disclosed, nextCursor: page.nextCursor };
    return c.json(body);
  });
};

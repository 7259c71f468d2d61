import { isDisclosed } from '../../privacy/anonymity.js';
import { pulseComments, recentComments } from '../queries/comments.js';
import { summaryCounts } from '../queries/rollup.js';
import { echo } from '../scope.js';
import { select } from '../selection.js';
import type { CommentsResponse } from '../types.js';
import type { StatsEndpoint } from './context.js';

/** `GET /v1/stats/comments`: the newest comments of the selection (of one topic with `topic=`), under the anonymity rule. */
export const commentsEndpoint: StatsEndpoint = (app, ctx) => {
  app.get('/v1/stats/comments', async (c) => {
    const s = await select(c, ctx);
    const { filter, protection } = s;
    const disclosed = isDisclosed(protection, Number((await summaryCounts(ctx.db, filter)).responses ?? 0));
    let comments: CommentsResponse['comments'] = [];
    if (disclosed) {
      const { limit, topic } = s.query;
      comments = protection.group === 'pulse' ? await pulseComments(ctx.db, filter, limit, protection.minimum, topic) : await recentComments(ctx.db, filter, limit, topic);
    }
    const body: CommentsResponse = { filter: echo(filter), comments, insufficientResponses: !disclosed };
    return c.json(body);
  });
};

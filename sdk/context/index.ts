export { mergeContext } from './merge.js';
export { contextFromUrl, pageUrl, type PageUrlMode } from './url.js';

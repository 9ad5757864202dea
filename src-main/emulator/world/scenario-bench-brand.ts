/**
 * A bench-only world: one brand with three Instagram professional accounts and their Pages over
 * two years, larger than the demo, so `npm run bench` can time a full sync of a 5-account brand
 * (the three Instagram accounts and two of the Pages) under Meta's rate limits. Tests and the
 * demo workspace never use it.
 */
import type { BrandSpec, ScenarioSpec } from './scenarios';

const SHOP: BrandSpec = {
  niche: 'studio',
  username: 'mapleandmoss.shop',
  name: 'Maple & Moss Shop',
  biography: 'Stoneware, linen and small-batch candles 🕯️\nShipping across the UK · Gift cards',
  website: 'https://mapleandmoss.example/shop',
  followersStart: 14_200,
  followersNow: 26_900,
  follows: 540,
  pageName: 'Maple & Moss Shop',
  pageCategory: 'Home Goods Store',
  fansStart: 8_100,
  fansNow: 11_350,
  media: 720,
  posts: 160,
  igConversations: 260,
  messengerConversations: 190,
};

const CAFE: BrandSpec = {
  niche: 'cafe',
  username: 'mapleandmoss.kitchen',
  name: 'Maple & Moss Kitchen',
  biography: 'Brunch, bakes & batch brew ☕️\nStokes Croft · Clifton · Open daily',
  website: 'https://mapleandmoss.example/kitchen',
  followersStart: 3_400,
  followersNow: 9_800,
  follows: 410,
  pageName: 'Maple & Moss Kitchen',
  pageCategory: 'Restaurant',
  fansStart: 2_900,
  fansNow: 4_650,
  media: 480,
  posts: 110,
  igConversations: 170,
  messengerConversations: 130,
};

const WORKSHOPS: BrandSpec = {
  niche: 'studio',
  username: 'mapleandmoss.workshops',
  name: 'Maple & Moss Workshops',
  biography: 'Wheel-throwing classes for beginners 🏺\nSmall groups · Gift vouchers',
  website: 'https://mapleandmoss.example/workshops',
  followersStart: 1_200,
  followersNow: 4_300,
  follows: 220,
  pageName: 'Maple & Moss Workshops',
  pageCategory: 'Arts & Crafts Store',
  fansStart: 900,
  fansNow: 1_700,
  media: 260,
  posts: 40,
  igConversations: 110,
  messengerConversations: 40,
};

/** 1,460 media, 310 Page posts, 900 threads with 12,000 messages over 730 days. */
export const BENCH_BRAND_SCENARIO: ScenarioSpec = {
  brands: [SHOP, CAFE, WORKSHOPS],
  people: 3_000,
  messages: 12_000,
  historyDays: 730,
};

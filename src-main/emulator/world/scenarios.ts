/** The canned brands and sizes of each scenario. */
import { BENCH_BRAND_SCENARIO } from './scenario-bench-brand';
import type { Niche, Scenario, WorldQuirks } from './types';

/** One IG account + its Page, with how much history to generate. */
export interface BrandSpec {
  niche: Niche;
  username: string;
  name: string;
  biography: string;
  website: string;
  followersStart: number;
  followersNow: number;
  follows: number;
  pageName: string;
  pageCategory: string;
  fansStart: number;
  fansNow: number;
  media: number;
  posts: number;
  igConversations: number;
  messengerConversations: number;
}

/** Sizes and brands per scenario. */
export interface ScenarioSpec {
  brands: BrandSpec[];
  people: number;
  messages: number;
  historyDays: number;
  /** Per IG account, how many of its oldest media predate its business conversion (→ 2108006). */
  mediaBeforeConversion?: number;
  /** Per IG account, how many media (spread through the history) the app may not read insights of (→ code 10). */
  deniedMedia?: number;
  /** Per IG account, how many media are ad media (product type AD, no documented insights metrics). */
  adMedia?: number;
  quirks?: WorldQuirks;
}

const STUDIO: BrandSpec = {
  niche: 'studio',
  username: 'mapleandmoss.studio',
  name: 'Maple & Moss Studio',
  biography: 'Hand-thrown stoneware from our little studio in Bristol 🏺\nWorkshops · Shop · Wholesale\n👇 New drop every month',
  website: 'https://mapleandmoss.example/shop',
  followersStart: 9_800,
  followersNow: 18_420,
  follows: 612,
  pageName: 'Maple & Moss Studio',
  pageCategory: 'Arts & Crafts Store',
  fansStart: 5_200,
  fansNow: 7_410,
  media: 620,
  posts: 100,
  igConversations: 190,
  messengerConversations: 120,
};

const CAFE: BrandSpec = {
  niche: 'cafe',
  username: 'mapleandmoss.cafe',
  name: 'Maple & Moss Café',
  biography: 'Specialty coffee & cardamom buns ☕️🥐\nOpen daily 8–4 · Stokes Croft, Bristol',
  website: 'https://mapleandmoss.example/cafe',
  followersStart: 2_100,
  followersNow: 6_240,
  follows: 380,
  pageName: 'Maple & Moss Café',
  pageCategory: 'Coffee Shop',
  fansStart: 2_500,
  fansNow: 3_930,
  media: 380,
  posts: 50,
  igConversations: 110,
  messengerConversations: 80,
};

/** demo: 1,000 media, ~150 posts, 500 threads, 5,000 messages. small: quick for tests. */
export const SCENARIOS: Record<Scenario, ScenarioSpec> = {
  demo: { brands: [STUDIO, CAFE], people: 1_400, messages: 5_000, historyDays: 730 },
  small: {
    brands: [{ ...STUDIO, media: 40, posts: 10, igConversations: 12, messengerConversations: 8 }],
    people: 150,
    messages: 200,
    historyDays: 730,
  },
  // Exactly one page of 100 media whose oldest one was posted before the business conversion.
  converted: {
    brands: [{ ...STUDIO, media: 100, posts: 5, igConversations: 3, messengerConversations: 3 }],
    people: 60,
    messages: 30,
    historyDays: 730,
    mediaBeforeConversion: 1,
  },
  // A brand that converted a year in: pre-conversion media over several pages, media the app may
  // not read, ad media, and pages shorter than asked for.
  'insights-gaps': {
    brands: [{ ...STUDIO, media: 230, posts: 5, igConversations: 3, messengerConversations: 3 }],
    people: 60,
    messages: 30,
    historyDays: 730,
    mediaBeforeConversion: 90,
    deniedMedia: 2,
    adMedia: 2,
    quirks: { shortPages: true },
  },
  // An account under 100 followers: Meta gives neither follower_count nor demographics.
  'small-account': {
    brands: [{ ...STUDIO, followersStart: 20, followersNow: 64, fansStart: 10, fansNow: 40, media: 25, posts: 5, igConversations: 3, messengerConversations: 3 }],
    people: 60,
    messages: 30,
    historyDays: 730,
  },
  // Meta refuses a full page of media with comments and insights nested: code 1.
  heavy: {
    brands: [{ ...STUDIO, media: 180, posts: 5, igConversations: 3, messengerConversations: 3 }],
    people: 60,
    messages: 30,
    historyDays: 730,
    quirks: { maxNestedItems: 120 },
  },
  // Messenger and Instagram threads far longer than 20 messages.
  'long-threads': {
    brands: [{ ...STUDIO, media: 10, posts: 5, igConversations: 4, messengerConversations: 6 }],
    people: 60,
    messages: 600,
    historyDays: 730,
  },
  'bench-brand': BENCH_BRAND_SCENARIO,
};

/** Caption and Page-post building blocks per brand niche. */
import type { Niche } from './types';
import type { Rng } from './prng';

const OPENERS: Record<Niche, readonly string[]> = {
  studio: [
    'Fresh out of the kiln', 'New glaze test', 'Studio Sunday', 'Back in stock', 'Meet the Fern mug',
    'A little peek behind the wheel', 'Speckled stoneware season', 'Packing orders all morning',
    'Our new serving bowls', 'Glaze day ✨', 'Trimming feet on a rainy afternoon', 'The oat-white collection',
    'Workshop recap', 'Hand-thrown, one by one', 'Seconds sale this weekend', 'Sneak peek: autumn drop',
  ],
  cafe: [
    'Monday fuel', 'New on the menu', 'Freshly baked this morning', 'Latte art practice',
    'Our single origin this week', 'Cardamom buns are back', 'Sunday brunch crew', 'Pour-over o’clock',
    'Rainy day, warm cup', 'Meet our new barista', 'Flat white, no rush', 'Weekend specials',
    'Sourdough straight from the oven', 'Iced oat latte season', 'Cinnamon rolls, still warm', 'Tiny desk, big coffee',
  ],
};

const BODIES: Record<Niche, readonly string[]> = {
  studio: [
    'Each piece is thrown by hand here in the studio, so no two are exactly alike.',
    'This glaze breaks beautifully over the edges – we are a bit obsessed.',
    'Dishwasher safe, microwave safe, and very much coffee approved.',
    'Limited run of 24 pieces, link in bio.',
    'We tested this glaze for six weeks before we were happy with it.',
    'Made from locally dug clay and fired to cone 6.',
    'Thank you for all the love on the last drop, it sold out in a day!',
    'Spots for the March wheel-throwing workshop are open now.',
    'Swipe to see the before and after of the glaze firing.',
    'Perfect for your morning ritual (or your plants).',
  ],
  cafe: [
    'Roasted just down the road and brewed with care.',
    'Oat, almond and whole milk available – just ask.',
    'Open 8–4 every day, come say hi.',
    'Pairs perfectly with our pistachio croissant.',
    'Notes of cherry, cocoa and a little brown sugar.',
    'Grab a window seat and stay a while.',
    'Made fresh every morning until they run out (they always do).',
    'Thank you for 3 years of early mornings together!',
    'Bring your own cup and get 20p off.',
    'Tag a friend who owes you a coffee.',
  ],
};

const CTAS: readonly string[] = [
  'Which one is your favourite?', 'Link in bio 🔗', 'Shop now via the link in bio.', 'Drop a 🤎 if you agree.',
  'Tell us in the comments!', 'Save this for later 📌', '', '', 'See you soon!', 'DM us to order.',
];

const HASHTAGS: Record<Niche, readonly string[]> = {
  studio: [
    '#ceramics', '#pottery', '#handmade', '#stoneware', '#potterylove', '#wheelthrown', '#ceramicstudio',
    '#glaze', '#slowliving', '#smallbusiness', '#shopsmall', '#homedecor', '#mugshot', '#clay', '#makersgonnamake',
  ],
  cafe: [
    '#coffee', '#specialtycoffee', '#latteart', '#coffeeshop', '#barista', '#brunch', '#bakery',
    '#flatwhite', '#pastry', '#coffeetime', '#oatlatte', '#sourdough', '#localcafe', '#shoplocal', '#morningcoffee',
  ],
};

const EMOJI: Record<Niche, readonly string[]> = {
  studio: ['🏺', '✨', '🤎', '🌿', '🔥', '🙌', '☕️', '🌾', '💫', '🫶'],
  cafe: ['☕️', '🥐', '🤎', '✨', '🍰', '🌞', '🥯', '🙌', '💛', '🍂'],
};

/** A realistic Instagram caption: opener, body, optional call to action, emoji, 2–7 hashtags. */
export function makeCaption(rng: Rng, niche: Niche): string {
  const emoji = rng.pick(EMOJI[niche]);
  const parts = [`${rng.pick(OPENERS[niche])} ${emoji}`, rng.pick(BODIES[niche])];
  const cta = rng.pick(CTAS);
  if (cta) parts.push(cta);
  const tags = rng.shuffle(HASHTAGS[niche]).slice(0, rng.int(2, 7));
  // Real captions often separate hashtags with a blank line.
  return `${parts.join(' ')}${rng.chance(0.6) ? '\n\n' : ' '}${tags.join(' ')}`;
}

const POST_MESSAGES: Record<Niche, readonly string[]> = {
  studio: [
    'Our studio is open for visits this Saturday from 10 to 4. Come and see where everything is made!',
    'New workshop dates are live on our website. Beginners very welcome.',
    'We are taking a short break to fire the big kiln – orders placed this week ship on Monday.',
    'Thank you to everyone who came to the market yesterday, what a day!',
    'Behind the scenes: how a mug goes from a lump of clay to your kitchen.',
    'Holiday shipping deadlines: order by the 15th for delivery before the holidays.',
    'We are hiring a part-time studio assistant. Details in the link.',
    'The seconds sale starts Friday at 9am.',
  ],
  cafe: [
    'Opening hours this bank holiday: 9am to 3pm. See you there!',
    'Our autumn menu is here: pumpkin spice done properly, plus a new chai.',
    'We are now serving brunch until 2pm on weekends.',
    'Live music this Friday evening from 7 – free entry, good coffee.',
    'Say hello to our new seasonal espresso from Colombia.',
    'We will be closed on Monday for a deep clean and new equipment.',
    'Loyalty cards are back: 9 coffees and the 10th is on us.',
    'Thank you for voting us best neighbourhood café again!',
  ],
};

/** A Facebook Page post message, sometimes with an emoji. */
export function makePostMessage(rng: Rng, niche: Niche): string {
  const base = rng.pick(POST_MESSAGES[niche]);
  return rng.chance(0.5) ? `${base} ${rng.pick(EMOJI[niche])}` : base;
}

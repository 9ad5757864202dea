/** Comment and DM texts: short, informal, with emoji and the odd accented language. */
import type { Niche } from './types';
import type { Rng } from './prng';

const GENERIC_COMMENTS: readonly string[] = [
  'Love this! 😍', 'So beautiful', '🔥🔥🔥', '😍😍', 'Gorgeous ✨', 'Need this in my life', 'Wow!!',
  'Absolutely stunning 👏', 'Obsessed 🤎', 'This is so lovely', 'Yes please 🙌', 'Amazing work as always',
  'Magnifique ! 😍', '¡Qué bonito!', 'Schön! ✨', 'Que lindo ❤️', 'Bellissimo 👌', 'Prachtig!', 'Śliczne 😍',
  'Incroyable, bravo 👏', 'Me encanta 💛', '❤️', '👏👏', 'Dreamy', 'Perfection.', 'Can’t wait to visit!',
];

const NICHE_COMMENTS: Record<Niche, readonly string[]> = {
  studio: [
    'Do you ship to Canada?', 'How much is the blue one?', 'Is the speckled mug dishwasher safe?',
    'When is the next restock?', 'I have two of these and use them every day', 'What glaze is this?',
    'Are the workshops suitable for total beginners?', 'My favourite mug ever, bought it last year',
    'Do you do custom orders for weddings?', 'That texture 😮', 'Is there a larger size?', 'Sold out again 😭',
  ],
  cafe: [
    'Best flat white in town ☕️', 'Are you open on Sunday?', 'Do you have gluten-free options?',
    'Those buns 🤤', 'Is there oat milk?', 'Can I bring my dog?', 'See you tomorrow morning!',
    'What beans are you using this week?', 'The cardamom buns are unreal', 'Do you take reservations for brunch?',
    'Need a café like this near me', 'Café crème parfait 👌',
  ],
};

const OWNER_REPLIES: readonly string[] = [
  'Thank you so much! 🙏', 'Thanks for the love 🤎', 'Yes! Send us a DM and we will sort it out.',
  'We ship worldwide 🌍', 'Restock is planned for next Friday!', 'Merci beaucoup ! ✨',
  'Glad you like it 😊', 'Yes, totally beginner friendly!', 'Gracias 💛', 'We do – details in the link in bio.',
];

const FAN_REPLIES: readonly string[] = [
  'Same here!', 'Agreed 😍', 'Haha yes', 'Let’s go together!', 'I asked the same thing', '💯', 'Right?!',
];

/** A top-level comment from a follower. */
export function makeComment(rng: Rng, niche: Niche): string {
  return rng.chance(0.45) ? rng.pick(NICHE_COMMENTS[niche]) : rng.pick(GENERIC_COMMENTS);
}

/** A reply in a comment thread, mentioning the parent author like the app does. */
export function makeReply(rng: Rng, byOwner: boolean, parentUsername: string): string {
  const text = byOwner ? rng.pick(OWNER_REPLIES) : rng.pick(FAN_REPLIES);
  return rng.chance(0.7) ? `@${parentUsername} ${text}` : text;
}

const CUSTOMER_OPENERS: Record<Niche, readonly string[]> = {
  studio: [
    'Hi! Is the speckled mug still available?', 'Hello, do you ship to Germany?', 'Hi there 👋 do you do gift wrapping?',
    'Hey! I ordered last week (order #4821), any update on shipping?', 'Bonjour ! Vous livrez en France ?',
    'Hi, one of my mugs arrived chipped 😕', 'Do you have gift cards?', 'Hola! Do you do custom plates for a café?',
    'Hi! Are there still spots in the Saturday workshop?', 'Hello 🙂 what size is the large bowl?',
  ],
  cafe: [
    'Hi! Are you open on the bank holiday?', 'Hello, can I book a table for 6 on Sunday?', 'Do you have vegan pastries?',
    'Hey! Do you sell your beans to take home?', 'Hola! Do you have oat milk?', 'What time do you close on Sunday?',
    'Hi, I think I left my scarf at your café yesterday 🙈', 'Bonjour, vous avez des options sans gluten ?',
    'Hi! Do you cater for office events?', 'Hey, is the terrace open today? ☀️',
  ],
};

const CUSTOMER_FOLLOW_UPS: readonly string[] = [
  'Great, thank you!', 'Perfect 👌', 'How long does it usually take?', 'Okay, and how much would that be?',
  'Thanks!! 🙏', 'Amazing, see you Saturday', 'Can I pay by card?', 'Sounds good', 'Merci beaucoup !',
  'That’s so kind, thank you 😊', 'One more question – do you have it in green?', 'Ah okay no worries',
  'Just sent the photo', 'Yes that’s the one!', 'Gracias 💛', 'Could you send me the link?', 'Brilliant 🙌',
];

const BUSINESS_REPLIES: Record<Niche, readonly string[]> = {
  studio: [
    'Hi! Yes it is 😊', 'We ship to most of Europe, usually 5–7 days.', 'So sorry about that! Could you send us a photo?',
    'Your order went out this morning, tracking is on its way.', 'Yes, we offer gift wrapping for £3.',
    'We have 2 spots left on Saturday, shall I hold one for you?', 'Gift cards are available on our website.',
    'It’s 18cm across and about 7cm deep.', 'Of course, happy to help!', 'Thanks so much for your order 🤎',
  ],
  cafe: [
    'Hi! Yes, we are open 9–3 on the bank holiday.', 'We can do a table for 6 at 11, does that work?',
    'Yes, we always have at least two vegan pastries.', 'We close at 4pm on Sundays.', 'Yes we do, 250g bags for £9.',
    'We found a grey scarf, is it yours? 😊', 'We do! Oat, almond and soy.', 'Terrace is open, come on down ☀️',
    'Of course, happy to help!', 'See you soon ☕️',
  ],
};

/** The first message a customer sends in a thread. */
export function makeCustomerOpener(rng: Rng, niche: Niche): string {
  return rng.pick(CUSTOMER_OPENERS[niche]);
}

/** A later customer message. */
export function makeCustomerFollowUp(rng: Rng): string {
  return rng.pick(CUSTOMER_FOLLOW_UPS);
}

/** A message from the business. */
export function makeBusinessReply(rng: Rng, niche: Niche): string {
  return rng.pick(BUSINESS_REPLIES[niche]);
}

// Name pools for the synthetic org. Realistic enough that demos and screenshots read like a contact centre.

export const SKILL_NAMES = [
  'Billing', 'Sales', 'Tech Support L1', 'Tech Support L2', 'Retentions', 'Collections', 'Claims', 'Onboarding',
  'Returns', 'Premium Accounts', 'Fraud', 'Shipping', 'Warranty', 'Spanish', 'French', 'German', 'Portuguese',
  'Mandarin', 'Escalations', 'Chat Etiquette', 'Email Handling', 'Upsell', 'Mortgages', 'Insurance', 'Payments',
  'Account Security', 'Hardware', 'Software', 'Networking', 'Enterprise Accounts',
] as const;

export const QUEUE_NAMES = [
  'Billing Support', 'Sales Inbound', 'Tech Support', 'Customer Retention', 'Collections', 'Claims Processing',
  'New Customer Onboarding', 'Returns & Exchanges', 'Premium Care', 'Fraud Prevention', 'Shipping Enquiries',
  'Warranty Services', 'Spanish Line', 'French Line', 'Escalations Desk', 'Web Chat', 'Email Support',
  'Mortgage Advice', 'Insurance Desk', 'Payments Helpdesk',
] as const;

/**
 * The skill each pool queue requires, by name: a queue routes the work its name says. Every queue of
 * QUEUE_NAMES has an entry (a test checks it); past the pool, 'Billing Support 2' requires 'Billing 2'.
 */
export const QUEUE_SKILL_NAMES: Readonly<Record<(typeof QUEUE_NAMES)[number], (typeof SKILL_NAMES)[number]>> = {
  'Billing Support': 'Billing',
  'Sales Inbound': 'Sales',
  'Tech Support': 'Tech Support L1',
  'Customer Retention': 'Retentions',
  Collections: 'Collections',
  'Claims Processing': 'Claims',
  'New Customer Onboarding': 'Onboarding',
  'Returns & Exchanges': 'Returns',
  'Premium Care': 'Premium Accounts',
  'Fraud Prevention': 'Fraud',
  'Shipping Enquiries': 'Shipping',
  'Warranty Services': 'Warranty',
  'Spanish Line': 'Spanish',
  'French Line': 'French',
  'Escalations Desk': 'Escalations',
  'Web Chat': 'Chat Etiquette',
  'Email Support': 'Email Handling',
  'Mortgage Advice': 'Mortgages',
  'Insurance Desk': 'Insurance',
  'Payments Helpdesk': 'Payments',
};

/** Name of the skill that queue `i` of the pool requires, suffixed like the queue past the pool. */
export function queueSkillName(i: number): string {
  const queue = QUEUE_NAMES[i % QUEUE_NAMES.length] as (typeof QUEUE_NAMES)[number];
  const round = Math.floor(i / QUEUE_NAMES.length);
  const base = QUEUE_SKILL_NAMES[queue];
  return round === 0 ? base : `${base} ${round + 1}`;
}

export const FIRST_NAMES = [
  'Olivia', 'Liam', 'Emma', 'Noah', 'Ava', 'Oliver', 'Sophia', 'Elijah', 'Isabella', 'Lucas', 'Mia', 'Mateo',
  'Amelia', 'Levi', 'Harper', 'Ethan', 'Evelyn', 'James', 'Aria', 'Benjamin', 'Chloe', 'Daniel', 'Priya', 'Arjun',
  'Sofia', 'Diego', 'Yuki', 'Hiro', 'Fatima', 'Omar', 'Chen', 'Mei', 'Lars', 'Ingrid', 'Kwame', 'Amara', 'Luca',
  'Giulia', 'Pierre', 'Camille', 'Hannah', 'Jonas', 'Zara', 'Aiden', 'Nora', 'Samuel', 'Leah', 'Marcus', 'Elena',
  'Tomas',
] as const;

export const LAST_NAMES = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Lopez',
  'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee', 'Perez', 'Thompson', 'White',
  'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson', 'Walker', 'Young', 'Patel', 'Nguyen', 'Kim',
  'Tanaka', 'Mensah', 'Okafor', 'Rossi', 'Dubois', 'Schmidt', 'Larsen', 'Novak', 'Kowalski', 'Silva', 'Costa',
  'Haddad', 'Cohen', 'Murphy', "O'Brien", 'Fischer', 'Yilmaz',
] as const;

export const DEPARTMENTS = ['Customer Care', 'Sales', 'Technical Support', 'Retention', 'Back Office'] as const;
export const TITLES = ['Agent', 'Agent', 'Agent', 'Senior Agent', 'Team Lead', 'Specialist'] as const;

/** Name `i` of a pool; past the end, repeats with a numeric suffix ('Billing 2'). */
export function poolName(pool: readonly string[], i: number): string {
  const base = pool[i % pool.length] ?? `Item ${i + 1}`;
  const round = Math.floor(i / pool.length);
  return round === 0 ? base : `${base} ${round + 1}`;
}

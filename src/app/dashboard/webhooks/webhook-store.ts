/**
 * The store's side of webhooks: the endpoints an admin registers and the log of every delivery
 * attempt. It also carries the staff calendar feeds (feed-store.ts), the other outward channel.
 */
import type { WebhookEvent } from '../../webhook-events.ts';
import type { FeedStore } from '../feeds/feed-store.ts';

export interface Webhook {
  readonly id: string;
  readonly url: string;
  /** `whsec_…`: the HMAC key (kept readable: signing needs it, and admins are shown it). */
  readonly secret: string;
  readonly events: readonly WebhookEvent[];
  readonly active: boolean;
  readonly description: string;
  readonly createdAt: number;
  readonly updatedAt: number;
}

export interface NewWebhook {
  readonly url: string;
  readonly secret: string;
  readonly events: readonly WebhookEvent[];
  readonly active: boolean;
  readonly description: string;
}

/** The fields to change (absent = unchanged). */
export interface WebhookChange {
  readonly url?: string;
  readonly secret?: string;
  readonly events?: readonly WebhookEvent[];
  readonly active?: boolean;
  readonly description?: string;
}

/** One delivery attempt, as the dashboard's log shows it. */
export interface WebhookDelivery {
  readonly id: string;
  readonly webhookId: string;
  readonly event: WebhookEvent | 'ping';
  readonly eventId: string;
  /** 1 for the first try. */
  readonly attempt: number;
  /** The endpoint's HTTP status; null when no response came (network error, timeout). */
  readonly statusCode: number | null;
  /** Why the attempt failed; null when it succeeded (a 2xx). */
  readonly error: string | null;
  readonly durationMs: number;
  readonly deliveredAt: number;
}

export type NewWebhookDelivery = Omit<WebhookDelivery, 'id'>;

export interface WebhookStore extends FeedStore {
  /** Every webhook, by id. */
  listWebhooks(): Promise<Webhook[]>;
  getWebhook(id: string): Promise<Webhook | null>;
  /** The active webhooks subscribed to an event, by id. */
  listWebhooksFor(event: WebhookEvent): Promise<Webhook[]>;
  createWebhook(webhook: NewWebhook, now: number): Promise<Webhook>;
  /** Null when there is no such webhook. */
  updateWebhook(id: string, change: WebhookChange, now: number): Promise<Webhook | null>;
  /** False when there was no such webhook; its delivery log goes with it. */
  deleteWebhook(id: string): Promise<boolean>;
  recordWebhookDelivery(delivery: NewWebhookDelivery): Promise<void>;
  /** A webhook's deliveries, newest first, older than the delivery `before` when given. */
  listWebhookDeliveries(webhookId: string, page: { before: string | null; limit: number }): Promise<WebhookDelivery[]>;
}

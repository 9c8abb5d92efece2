package org.duban.reminder.channel;

/** Fired when channel deliveries were queued; observed after the commit to wake the worker. */
record ChannelEnqueued(int deliveries) {
}

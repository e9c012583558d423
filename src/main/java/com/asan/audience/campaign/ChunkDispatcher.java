package com.asan.audience.campaign;

import com.asan.audience.lead.LeadView;
import com.asan.audience.shared.DaemonThreads;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Renders and sends the messages of a chunk on the connection threads. Each thread takes the next few messages
 * whenever it is free, so one slow connection does not hold up the others, and the threads of a chunk queue behind
 * the previous chunk's, so connections stay busy while the caller records results and claims the next chunk.
 */
final class ChunkDispatcher implements AutoCloseable {

    private static final int MESSAGES_PER_TAKE = 10;

    private final MailTransport transport;
    private final SendRate rate;
    private final int connectionCount;
    private final ExecutorService connections;

    ChunkDispatcher(MailTransport transport, SendRate rate, int connectionCount) {
        this.transport = transport;
        this.rate = rate;
        this.connectionCount = connectionCount;
        this.connections = DaemonThreads.pool(connectionCount, "smtp-connection", false);
    }

    /**
     * Starts sending; the future completes with one result per lead, or fails if a message could not be rendered.
     * {@code beforeSend} gets each take's lead ids right before their SMTP transactions start, and {@code afterSend}
     * their results as soon as they are known: at most {@value #MESSAGES_PER_TAKE} messages per connection are
     * ever between the two.
     */
    CompletableFuture<List<MailTransport.Result>> dispatch(List<LeadView> leads,
                                                          Function<LeadView, RenderedMessage> render,
                                                          Consumer<List<Long>> beforeSend,
                                                          Consumer<List<MailTransport.Result>> afterSend) {
        Queue<LeadView> waiting = new ConcurrentLinkedQueue<>(leads);
        int workers = Math.min(connectionCount, (leads.size() + MESSAGES_PER_TAKE - 1) / MESSAGES_PER_TAKE);
        List<CompletableFuture<List<MailTransport.Result>>> parts = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            parts.add(CompletableFuture.supplyAsync(() -> sendUntilEmpty(waiting, render, beforeSend, afterSend),
                    connections));
        }
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<MailTransport.Result> results = new ArrayList<>(leads.size());
            parts.forEach(part -> results.addAll(part.join()));
            return results;
        });
    }

    private List<MailTransport.Result> sendUntilEmpty(Queue<LeadView> waiting,
                                                      Function<LeadView, RenderedMessage> render,
                                                      Consumer<List<Long>> beforeSend,
                                                      Consumer<List<MailTransport.Result>> afterSend) {
        List<MailTransport.Result> results = new ArrayList<>();
        List<RenderedMessage> take = new ArrayList<>(MESSAGES_PER_TAKE);
        while (true) {
            take.clear();
            LeadView lead;
            while (take.size() < MESSAGES_PER_TAKE && (lead = waiting.poll()) != null) {
                take.add(render.apply(lead));
            }
            if (take.isEmpty()) {
                return results;
            }
            try {
                rate.acquire(take.size());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("stopped while waiting for the send rate", e);
            }
            beforeSend.accept(take.stream().map(RenderedMessage::leadId).toList());
            List<MailTransport.Result> sent = transport.send(take);
            afterSend.accept(sent);
            results.addAll(sent);
        }
    }

    @Override
    public void close() {
        connections.shutdownNow();
    }
}

package dev.cairn.server;

import dev.cairn.core.model.Operation;
import dev.cairn.core.model.Principal;

/**
 * One authenticated, decoded and validated API request on its way to an operation family.
 *
 * @param requestId      the {@code x-amzn-RequestId} of the request, for logs
 * @param operation      the action
 * @param principal      who asked
 * @param request        the typed request record of the action
 * @param deadlineMillis epoch ms after which nobody waits for the answer
 */
public record ApiCall(String requestId, Operation operation, Principal principal, Object request,
    long deadlineMillis) {
}

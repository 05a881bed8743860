package io.pero.common.sftp;

import java.util.Map;
import java.util.Optional;
import org.apache.sshd.common.kex.KexProposalOption;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;

/**
 * How far one SSH connection attempt got, so a failure can be named by its real cause: MINA SSHD reports a failed key
 * exchange only as the failure of the next step (authentication), which once turned an ed25519-only server into
 * "password refused".
 */
final class HandshakeProgress implements SessionListener {
    private volatile boolean keysExchanged;
    private volatile boolean authenticated;
    private volatile Throwable negotiationFailure;
    private volatile String negotiated;

    @Override
    public void sessionNegotiationEnd(Session session, Map<KexProposalOption, String> clientProposal,
                                      Map<KexProposalOption, String> serverProposal,
                                      Map<KexProposalOption, String> negotiatedOptions, Throwable reason) {
        if (reason != null) {
            negotiationFailure = reason;
        } else {
            negotiated = "kex=" + negotiatedOptions.get(KexProposalOption.ALGORITHMS)
                    + " hostkey=" + negotiatedOptions.get(KexProposalOption.SERVERKEYS)
                    + " cipher=" + negotiatedOptions.get(KexProposalOption.C2SENC);
        }
    }

    @Override
    public void sessionEvent(Session session, Event event) {
        if (event == Event.KexCompleted || event == Event.KeyEstablished) {
            keysExchanged = true;
        } else if (event == Event.Authenticated) {
            authenticated = true;
        }
    }

    boolean keysExchanged() {
        return keysExchanged;
    }

    boolean authenticated() {
        return authenticated;
    }

    /** Why algorithm negotiation failed ("Unable to negotiate key exchange for ..."), if it did. */
    Optional<Throwable> negotiationFailure() {
        return Optional.ofNullable(negotiationFailure);
    }

    /** The algorithms agreed on, for the debug log. */
    Optional<String> negotiated() {
        return Optional.ofNullable(negotiated);
    }
}

package cn.sanshe.pipeline.delivery;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** This process as the delivery log and the schedule log name it: host:pid. */
public final class Nodes {

    private Nodes() {
    }

    public static String thisNode() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return host + ":" + ProcessHandle.current().pid();
    }
}

package cn.sanshe.pipeline.demo.internal;

/** A community or village: its 12-digit code and the 9-digit code of its street. */
public record Community(String code, String name, boolean rural, String streetCode) {
}

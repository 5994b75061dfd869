package dev.chorus.cli;

/** Exit codes of the contract ({@code ../shared/cli-contract.md}, "Launch"). */
public final class ExitCode {
    public static final int OK = 0;
    public static final int SOFTWARE = 1;
    public static final int USAGE = 2;
    public static final int INPUT = 3;
    public static final int BACKEND = 4;

    private ExitCode() {
    }
}

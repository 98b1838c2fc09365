package cn.sanshe.pipeline.indicators;

import cn.sanshe.pipeline.identifiers.DivisionCode.Level;
import java.util.List;

/**
 * A node of the division tree figures are computed for, and its child units (the next level
 * down: a city's districts, a district's streets), each of which gets its own set of figures.
 * Units are found by code prefix, as identifiers.md defines the levels (district = first 6
 * digits, street = first 9), which is how every staged row names its jurisdiction;
 * {@code districts} are the 6-digit codes of the districts the scope covers (staged rows carry them).
 */
public record Scope(Unit unit, List<Unit> children, List<String> districts) {

    /** A division unit: its 12-digit code, name and level. */
    public record Unit(String code, String name, Level level) {

        /** The digits a code under this unit starts with (a district: 6). */
        String prefix() {
            return code.substring(0, prefixLength(level));
        }
    }

    public String code() {
        return unit.code();
    }

    String prefix() {
        return unit.prefix();
    }

    /** How many leading digits name a child unit: 2 under the root, 4 under a province, 6 under a city, 9 under a district. */
    int childKeyLength() {
        return childLevel() == null ? 12 : prefixLength(childLevel());
    }

    Level childLevel() {
        int next = unit.level().ordinal() + 1;
        return next < Level.values().length ? Level.values()[next] : null;
    }

    /** The child unit a grouping key (the first {@link #childKeyLength()} digits) stands for, or null. */
    Unit child(String key) {
        if (key == null || key.length() != childKeyLength()) {
            return null;
        }
        String code = (key + "000000000000").substring(0, 12);
        for (Unit child : children) {
            if (child.code().equals(code)) {
                return child;
            }
        }
        return null;
    }

    static int prefixLength(Level level) {
        return switch (level) {
            case NATION -> 0;
            case PROVINCE -> 2;
            case CITY -> 4;
            case DISTRICT -> 6;
            case STREET -> 9;
            case COMMUNITY -> 12;
        };
    }
}

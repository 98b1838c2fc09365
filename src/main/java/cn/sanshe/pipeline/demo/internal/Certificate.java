package cn.sanshe.pipeline.demo.internal;

/** One row of the district's certified social-worker register (D3). */
record Certificate(String name, String idNumber, String level, String number, int year, String employer,
        String streetCode) {
}

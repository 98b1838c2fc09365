package cn.sanshe.pipeline;

import cn.sanshe.pipeline.cli.CommandLineFrame;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * 三社联动 pipeline: street and district spreadsheets in, reconciled master records and PDF
 * dashboards out. The command line decides what runs; see {@link CommandLineFrame}.
 */
@SpringBootApplication
public class PipelineApplication {

    public static void main(String[] args) {
        System.exit(CommandLineFrame.execute(args));
    }
}

namespace Harness.Core.Tests.Formats;

/// <summary>One small valid history per format, the seeds the fuzz test mutates.</summary>
internal static class ReaderFuzzSeeds
{
    public sealed record Seed(string Format, string FileName, string Text);

    public static IReadOnlyList<Seed> All { get; } =
    [
        new("jsonl", "history.jsonl",
            """
            {"index":0,"time":10,"type":"invoke","process":0,"f":"write","value":1,"node":"pg1"}
            {"index":1,"time":20,"type":"invoke","process":1,"f":"cas","value":[1,2]}
            {"index":2,"time":30,"type":"ok","process":0,"f":"write","value":1}
            {"index":3,"time":40,"type":"info","process":"nemesis","f":"start-partition","value":{"pg1":["pg2"]}}
            {"index":4,"time":50,"type":"fail","process":1,"f":"cas","value":[1,2],"error":"cas-failed"}

            """),
        new("edn", "history.edn",
            """
            {:index 0 :time 10 :type :invoke :process 0 :f :txn :value [[:append :x 1] [:r :y nil]]}
            {:index 1 :time 20 :type :invoke :process 1 :f :read :value nil}
            {:index 2 :time 30 :type :ok :process 0 :f :txn :value [[:append :x 1] [:r :y [3 4]]]}
            {:index 3 :type :info :process :nemesis :f :start :value "majority"} ; comment
            {:index 4 :type :info :process 1 :f :read :value nil :error :timed-out}

            """),
        new("history-txt", "history.txt",
            "3\t:invoke\t:txn\t[[:append 4 1] [:r 5 nil]]\n" +
            ":nemesis\t:info\t:start\t:majority\n" +
            "3\t:ok\t:txn\t[[:append 4 1] [:r 5 [1 2]]]\n" +
            "4\t:invoke\t:read\tnil\n" +
            "4\t:info\t:read\tnil\t:timed-out\n"),
        new("elle-json", "history.json",
            """
            [{"index":0,"type":"invoke","process":0,"f":"txn","value":[["append",1,2],["r",3,null]]},
             {"index":1,"type":"ok","process":0,"f":"txn","value":[["append",1,2],["r",3,[1]]]},
             {"index":2,"type":":invoke","process":1,"f":":txn","value":[[":r",1,null]]},
             {"index":3,"type":":fail","process":1,"f":":txn","value":[[":r",1,null]]}]

            """),
        new("porcupine-etcd", "etcd_000.log",
            "INFO  jepsen.util - 3\t:invoke\t:cas\t[1 2]\n" +
            "INFO  jepsen.util - 4\t:invoke\t:read\tnil\n" +
            "INFO  jepsen.util - 3\t:info\t:cas\t:timed-out\n" +
            "INFO  jepsen.util - 4\t:ok\t:read\t1\n" +
            "INFO  jepsen.util - 5   :invoke :write  0\n" +
            "INFO  jepsen.util - 5   :ok     :write  0\n"),
        new("porcupine-kv", "c01-ok.txt",
            "{:process 0, :type :invoke, :f :get, :key \"7\", :value nil}\n" +
            "{:process 1, :type :invoke, :f :append, :key \"3\", :value \"x 1 0 y\"}\n" +
            "{:process 0, :type :ok, :f :get, :key \"7\", :value \"\"}\n" +
            "{:process 1, :type :ok, :f :append, :key \"3\", :value \"x 1 0 y\"}\n"),
    ];
}

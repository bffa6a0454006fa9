Console.WriteLine("Normative");
